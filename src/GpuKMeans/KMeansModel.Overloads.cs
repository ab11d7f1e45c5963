using GpuKMeans.Data;

namespace GpuKMeans;

/// <summary>
/// Predict, Transform and Score for the other input shapes: row-major doubles, <c>[row, column]</c> arrays and
/// jagged arrays of float or double. Each converts to row-major float32 (a double outside float32's range, a
/// ragged or missing row: the message names the row) and calls the span overload.
/// </summary>
public sealed partial class KMeansModel
{
    /// <summary>The nearest centroid of every row of row-major doubles; see <see cref="Predict(ReadOnlySpan{float}, KMeansDevice?)"/>.</summary>
    /// <exception cref="ArgumentException">Bad points; the message names row and column.</exception>
    public int[] Predict(ReadOnlySpan<double> points, KMeansDevice? device = null) => Predict(Rows(points), device);

    /// <summary>The nearest centroid of every row of <paramref name="points"/> (<c>[row, column]</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">The column count is not <see cref="Dimensions"/>, or bad values.</exception>
    public int[] Predict(float[,] points, KMeansDevice? device = null) => Predict(Rows(points), device);

    /// <inheritdoc cref="Predict(float[,], KMeansDevice?)"/>
    public int[] Predict(double[,] points, KMeansDevice? device = null) => Predict(Rows(points), device);

    /// <summary>The nearest centroid of every row of jagged <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">A row is null or does not have <see cref="Dimensions"/> values (the message names it), or bad values.</exception>
    public int[] Predict(float[][] points, KMeansDevice? device = null) => Predict(Rows(points), device);

    /// <inheritdoc cref="Predict(float[][], KMeansDevice?)"/>
    public int[] Predict(double[][] points, KMeansDevice? device = null) => Predict(Rows(points), device);

    /// <summary>Distances of row-major doubles to every centroid, row-major <c>n × k</c>; see <see cref="Transform(ReadOnlySpan{float}, KMeansDevice?)"/>.</summary>
    /// <exception cref="ArgumentException">Bad points; the message names row and column.</exception>
    public float[] Transform(ReadOnlySpan<double> points, KMeansDevice? device = null) => Transform(Rows(points), device);

    /// <summary>Distances of every row to every centroid, as an <c>n × k</c> array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">The column count is not <see cref="Dimensions"/>, or bad values.</exception>
    public float[,] Transform(float[,] points, KMeansDevice? device = null) => ToMatrix(Transform(Rows(points), device));

    /// <inheritdoc cref="Transform(float[,], KMeansDevice?)"/>
    public float[,] Transform(double[,] points, KMeansDevice? device = null) => ToMatrix(Transform(Rows(points), device));

    /// <summary>Distances of every row to every centroid, one array of <c>k</c> per row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">A row is null or does not have <see cref="Dimensions"/> values, or bad values.</exception>
    public float[][] Transform(float[][] points, KMeansDevice? device = null) => ToJagged(Transform(Rows(points), device));

    /// <inheritdoc cref="Transform(float[][], KMeansDevice?)"/>
    public float[][] Transform(double[][] points, KMeansDevice? device = null) => ToJagged(Transform(Rows(points), device));

    /// <summary>Minus the inertia of row-major doubles; see <see cref="Score(ReadOnlySpan{float}, ReadOnlySpan{float}, KMeansDevice?)"/>.</summary>
    /// <exception cref="ArgumentException">Bad points or weights.</exception>
    public double Score(ReadOnlySpan<double> points, ReadOnlySpan<float> sampleWeights = default, KMeansDevice? device = null) =>
        Score(Rows(points), sampleWeights, device);

    /// <summary>Minus the inertia of the rows of <paramref name="points"/> (<c>[row, column]</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">The column count is not <see cref="Dimensions"/>, or bad values or weights.</exception>
    public double Score(float[,] points, ReadOnlySpan<float> sampleWeights = default, KMeansDevice? device = null) =>
        Score(Rows(points), sampleWeights, device);

    /// <inheritdoc cref="Score(float[,], ReadOnlySpan{float}, KMeansDevice?)"/>
    public double Score(double[,] points, ReadOnlySpan<float> sampleWeights = default, KMeansDevice? device = null) =>
        Score(Rows(points), sampleWeights, device);

    /// <summary>Minus the inertia of jagged <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentException">A row is null or does not have <see cref="Dimensions"/> values, or bad values or weights.</exception>
    public double Score(float[][] points, ReadOnlySpan<float> sampleWeights = default, KMeansDevice? device = null) =>
        Score(Rows(points), sampleWeights, device);

    /// <inheritdoc cref="Score(float[][], ReadOnlySpan{float}, KMeansDevice?)"/>
    public double Score(double[][] points, ReadOnlySpan<float> sampleWeights = default, KMeansDevice? device = null) =>
        Score(Rows(points), sampleWeights, device);

    private float[] Rows(ReadOnlySpan<double> points) => PointRows.ToFloat(points, Dimensions, nameof(points));

    private ReadOnlySpan<float> Rows(float[,] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        PointRows.CheckColumns(points, Dimensions, nameof(points));
        return PointData.AsSpan(points);
    }

    private float[] Rows(double[,] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        PointRows.CheckColumns(points, Dimensions, nameof(points));
        return PointRows.ToFloat(points, nameof(points));
    }

    private float[] Rows<T>(T[][] points)
        where T : struct, IConvertible
    {
        ArgumentNullException.ThrowIfNull(points);
        return PointRows.ToFloat(points, Dimensions, nameof(points));
    }

    private float[,] ToMatrix(float[] rowMajor)
    {
        var matrix = new float[rowMajor.Length / ClusterCount, ClusterCount];
        Buffer.BlockCopy(rowMajor, 0, matrix, 0, rowMajor.Length * sizeof(float));
        return matrix;
    }

    private float[][] ToJagged(float[] rowMajor) =>
        [.. Enumerable.Range(0, rowMajor.Length / ClusterCount).Select(r => rowMajor.AsSpan(r * ClusterCount, ClusterCount).ToArray())];
}
