using GpuKMeans.Data;

namespace GpuKMeans;

/// <summary>Using a fitted model on new points.</summary>
public sealed partial class KMeans
{
    /// <summary>The nearest centroid of every row (lowest index on ties), as scikit-learn's <c>predict</c>.</summary>
    /// <param name="model">A result of <c>Fit</c>.</param>
    /// <param name="points">Row-major values, <see cref="KMeansResult.Dimensions"/> per row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, not a whole number of rows of the model's width, or not finite.</exception>
    public int[] Predict(KMeansResult model, ReadOnlySpan<float> points)
    {
        using var device = UploadFor(model, points, default, out _);
        device.AssignAndReduce();
        var labels = new int[device.Count];
        device.CopyLabels(labels);
        return labels;
    }

    /// <summary>The nearest centroid of every row of <paramref name="points"/> (<c>[row, column]</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> does not have the model's column count.</exception>
    public int[] Predict(KMeansResult model, float[,] points) => Predict(model, CheckColumns(model, points));

    /// <summary>
    /// Euclidean distance of every row to every centroid, row-major <c>n × k</c> (scikit-learn's
    /// <c>transform</c>; square the values for squared distances).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> is empty, not a whole number of rows of the model's width, or not finite.</exception>
    public float[] Transform(KMeansResult model, ReadOnlySpan<float> points)
    {
        using var device = UploadFor(model, points, default, out var conditioning);
        var distances = new float[(long)device.Count * model.ClusterCount];
        device.ComputeDistances(0, device.Count, distances);
        for (int i = 0; i < distances.Length; i++)
            distances[i] = conditioning.RestoreDistance(MathF.Sqrt(distances[i]));
        return distances;
    }

    /// <summary>Euclidean distance of every row to every centroid, as an <c>n × k</c> array.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> does not have the model's column count.</exception>
    public float[,] Transform(KMeansResult model, float[,] points)
    {
        var flat = Transform(model, CheckColumns(model, points));
        var matrix = new float[points.GetLength(0), model.ClusterCount];
        flat.AsSpan().CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.CompilerServices.Unsafe.As<byte, float>(
                ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length));
        return matrix;
    }

    /// <summary>Minus the (weighted) inertia of <paramref name="points"/> under the model: higher is better (scikit-learn's <c>score</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">Bad points or weights, as for Fit.</exception>
    public double Score(KMeansResult model, ReadOnlySpan<float> points, ReadOnlySpan<float> sampleWeights = default)
    {
        using var device = UploadFor(model, points, sampleWeights, out var conditioning);
        device.AssignAndReduce();
        return -conditioning.RestoreSquared(device.ExactInertia());
    }

    /// <summary>Minus the (weighted) inertia of the rows of <paramref name="points"/> under the model.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="points"/> does not have the model's column count.</exception>
    public double Score(KMeansResult model, float[,] points, ReadOnlySpan<float> sampleWeights = default) =>
        Score(model, CheckColumns(model, points), sampleWeights);

    /// <summary>
    /// A workspace over a one-call upload of <paramref name="points"/>, conditioned for float32 as a fit's data
    /// are (<see cref="Conditioning"/>, chosen from these points), with the model's centroids set in the same
    /// conditioned space; disposing it frees the upload.
    /// </summary>
    private Backends.IFitWorkspace UploadFor(
        KMeansResult model, ReadOnlySpan<float> points, ReadOnlySpan<float> sampleWeights, out Conditioning conditioning)
    {
        ArgumentNullException.ThrowIfNull(model);
        Device.ThrowIfDisposed();
        int n = PointData.CheckPoints(points, model.Dimensions, nameof(points));
        PointData.CheckWeights(sampleWeights, n, nameof(sampleWeights));
        int d = model.Dimensions;
        conditioning = Conditioning.Choose(points, d, sampleWeights);
        var device = Device.BackendFor(n, d, model.ClusterCount)
            .Upload(conditioning.IsNone ? points : conditioning.Apply(points, d), d, sampleWeights).CreateWorkspace(ownsPoints: true);
        device.SetCentroids(conditioning.IsNone ? model.Centroids.AsSpan() : conditioning.Apply(model.Centroids.AsSpan(), d), model.ClusterCount);
        return device;
    }

    private static ReadOnlySpan<float> CheckColumns(KMeansResult model, float[,] points)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(points);
        if (points.GetLength(1) != model.Dimensions)
            throw new ArgumentException(
                $"points has {points.GetLength(1)} columns but the model was fitted on {model.Dimensions}.", nameof(points));
        return PointData.AsSpan(points);
    }
}
