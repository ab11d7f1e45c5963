using System.Globalization;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// A fixed linear map from <c>d</c>-dimensional rows (in the units the fit ran in) to the plane, for drawing: for
/// <c>d ≤ 2</c> the features themselves in their original units (<c>d = 1</c> draws <c>x</c> against 0), and a
/// principal-component projection of the fitted (possibly scaled) features for <c>d &gt; 2</c>. Fit it once on the data
/// and project every set of centroids with the same instance, so that all pictures share one view.
/// </summary>
internal sealed class Projection2D
{
    /// <summary>At most this many rows enter the covariance (a deterministic stride through the data).</summary>
    private const int MaxCovarianceRows = 20_000;

    private readonly double[] _mean;
    private readonly double[][] _axes;
    private readonly double[] _varianceRatio;

    private readonly FeatureSpace _space;

    private Projection2D(int dimensions, double[] mean, double[][] axes, double[] varianceRatio, FeatureSpace space)
    {
        Dimensions = dimensions;
        _mean = mean;
        _axes = axes;
        _varianceRatio = varianceRatio;
        _space = space;
    }

    /// <summary>Number of features <c>d</c> of the rows this projection takes.</summary>
    public int Dimensions { get; }

    /// <summary>Whether this is a PCA projection (<c>d &gt; 2</c>) rather than the identity.</summary>
    public bool IsPca => _axes.Length > 0;

    /// <summary>Share of the total variance along each projected axis (PCA only; 1 and 0 otherwise).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio => _varianceRatio;

    /// <summary>
    /// Whether both drawn axes are in one unit, so the picture should have equal aspect (a unit as long on both axes,
    /// and the boundaries at their true angles): principal components, or two features that were not rescaled.
    /// </summary>
    public bool SharesUnits => IsPca || (Dimensions == 2 && _space.ScaleName is null);

    /// <summary>
    /// The weights <c>(wx, wy)</c> of the fit's squared distance in drawn units, <c>wx·Δx² + wy·Δy²</c>: 1 and 1,
    /// except for features drawn in original units after scaling, where one drawn unit is <c>1/scale</c> fitted units.
    /// </summary>
    public (double X, double Y) RegionWeights => IsPca
        ? (1.0, 1.0)
        : (1.0 / Square(_space.UnitOf(0)), Dimensions == 2 ? 1.0 / Square(_space.UnitOf(1)) : 1.0);

    /// <summary>One sentence that says what the picture shows, for notes and reports.</summary>
    public string Description
    {
        get
        {
            string? scale = _space.ScaleName;
            if (IsPca)
                return $"PCA projection of {Dimensions} {(scale is null ? "" : $"{scale}-scaled ")}features; the shaded regions " +
                    "(nearest projected centroid) only approximate the assignment";
            string features = Dimensions == 2 ? $"{_space.Names[0]} against {_space.Names[1]}" : $"{_space.Names[0]} (drawn against 0)";
            return scale is null
                ? $"{features} as they are, at equal scale"
                : $"{features} in their original units; the fit measured distances in {scale}-scaled units, and the shaded regions show its nearest centroid";
        }
    }

    /// <summary>
    /// Fits the projection of row-major <paramref name="points"/>: for <c>d &gt; 2</c> the data is centred, its
    /// covariance (in double) is formed from at most 20,000 evenly spaced rows, and the top two eigenvectors are
    /// found by power iteration with deflation; each axis's largest component is made positive, so the result
    /// is deterministic.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dims"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="dims"/>.</exception>
    /// <param name="points">Row-major rows in the units the fit ran in.</param>
    /// <param name="dims">Number of features <c>d</c>.</param>
    /// <param name="space">The features' names and scaling; <c>null</c> for unscaled <c>x0 … x{d−1}</c>.</param>
    public static Projection2D Fit(ReadOnlySpan<float> points, int dims, FeatureSpace? space = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dims);
        if (points.Length % dims != 0)
            throw new ArgumentException($"{points.Length} values do not make rows of {dims}.", nameof(points));
        space ??= FeatureSpace.Plain(dims);
        if (space.Names.Count != dims)
            throw new ArgumentException($"{space.Names.Count} feature names for {dims} features.", nameof(space));
        if (dims <= 2)
            return new Projection2D(dims, new double[dims], [], dims == 1 ? [1.0, 0.0] : [1.0, 1.0], space);

        int n = points.Length / dims;
        var mean = new double[dims];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < dims; j++)
                mean[j] += points[i * dims + j];
        for (int j = 0; j < dims; j++)
            mean[j] /= Math.Max(1, n);

        double[,] covariance = Covariance(points, dims, n, mean);
        double trace = 0;
        for (int j = 0; j < dims; j++)
            trace += covariance[j, j];

        var axes = new double[2][];
        var ratio = new double[2];
        for (int a = 0; a < 2; a++)
        {
            (axes[a], double eigenvalue) = TopEigenvector(covariance, a == 0 ? null : axes[0]);
            ratio[a] = trace > 0 ? Math.Max(0, eigenvalue) / trace : 0;
            for (int r = 0; r < dims; r++) // deflate: C ← C − λ v vᵀ
                for (int c = 0; c < dims; c++)
                    covariance[r, c] -= eigenvalue * axes[a][r] * axes[a][c];
        }
        return new Projection2D(dims, mean, axes, ratio, space);
    }

    /// <summary>
    /// Projects row-major rows of <see cref="Dimensions"/> values (in fitted units) to row-major <c>n × 2</c> drawn
    /// coordinates: original units for <c>d ≤ 2</c>, principal components otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="Dimensions"/>.</exception>
    public float[] Project(ReadOnlySpan<float> rows)
    {
        int d = Dimensions;
        if (rows.Length % d != 0)
            throw new ArgumentException($"{rows.Length} values do not make rows of {d}.", nameof(rows));
        int n = rows.Length / d;
        var result = new float[n * 2];
        for (int i = 0; i < n; i++)
        {
            var row = rows.Slice(i * d, d);
            if (!IsPca)
            {
                result[2 * i] = (float)_space.ToOriginal(0, row[0]);
                result[2 * i + 1] = d == 2 ? (float)_space.ToOriginal(1, row[1]) : 0f;
                continue;
            }
            for (int a = 0; a < 2; a++)
            {
                double sum = 0;
                for (int j = 0; j < d; j++)
                    sum += (row[j] - _mean[j]) * _axes[a][j];
                result[2 * i + a] = (float)sum;
            }
        }
        return result;
    }

    /// <summary>
    /// The label of projected axis 0 or 1: <c>"PC1 (63% var)"</c> for PCA (<c>"PC1 (63% var) of standard-scaled
    /// features"</c> after scaling), else the feature's name (<see cref="FeatureSpace.Names"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    public string AxisLabel(int axis)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(axis);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(axis, 1);
        if (IsPca)
            return string.Create(CultureInfo.InvariantCulture, $"PC{axis + 1} ({Math.Round(100 * _varianceRatio[axis]):0}% var)")
                + (_space.ScaleName is { } scale ? $" of {scale}-scaled features" : "");
        return Dimensions == 1 && axis == 1 ? "(constant 0)" : _space.Names[axis];
    }

    /// <summary>The covariance of (a stride through) the rows, upper triangle computed and mirrored.</summary>
    private static double[,] Covariance(ReadOnlySpan<float> points, int d, int n, double[] mean)
    {
        int used = Math.Min(n, MaxCovarianceRows);
        var covariance = new double[d, d];
        var centred = new double[d];
        for (int s = 0; s < used; s++)
        {
            int i = (int)((long)s * n / used);
            for (int j = 0; j < d; j++)
                centred[j] = points[i * d + j] - mean[j];
            for (int r = 0; r < d; r++)
            {
                double cr = centred[r];
                for (int c = r; c < d; c++)
                    covariance[r, c] += cr * centred[c];
            }
        }
        for (int r = 0; r < d; r++)
            for (int c = r; c < d; c++)
                covariance[c, r] = covariance[r, c] /= Math.Max(1, used);
        return covariance;
    }

    /// <summary>
    /// Power iteration for the dominant eigenvector of symmetric <paramref name="m"/>, kept orthogonal to
    /// <paramref name="orthogonalTo"/>. Starts from the column of largest norm (in the matrix's range).
    /// </summary>
    private static (double[] Vector, double Eigenvalue) TopEigenvector(double[,] m, double[]? orthogonalTo)
    {
        int d = m.GetLength(0);
        var v = new double[d];
        double bestNorm = -1;
        for (int c = 0; c < d; c++)
        {
            double norm = 0;
            for (int r = 0; r < d; r++)
                norm += m[r, c] * m[r, c];
            if (norm > bestNorm)
                (bestNorm, v) = (norm, Enumerable.Range(0, d).Select(r => m[r, c]).ToArray());
        }
        if (!Normalize(v, orthogonalTo))
            v = UnitFallback(d, orthogonalTo);

        var next = new double[d];
        double eigenvalue = 0;
        for (int iteration = 0; iteration < 1000; iteration++)
        {
            for (int r = 0; r < d; r++)
            {
                double sum = 0;
                for (int c = 0; c < d; c++)
                    sum += m[r, c] * v[c];
                next[r] = sum;
            }
            eigenvalue = Dot(v, next);
            if (!Normalize(next, orthogonalTo))
                break; // the matrix is (numerically) zero on the remaining subspace: keep v
            double change = 0;
            for (int j = 0; j < d; j++)
                change = Math.Max(change, Math.Abs(next[j] - v[j]));
            (v, next) = (next, v);
            if (change < 1e-13)
                break;
        }

        int largest = 0;
        for (int j = 1; j < d; j++)
            if (Math.Abs(v[j]) > Math.Abs(v[largest]))
                largest = j;
        if (v[largest] < 0)
            for (int j = 0; j < d; j++)
                v[j] = -v[j];
        return (v, eigenvalue);
    }

    /// <summary>Removes the component along <paramref name="orthogonalTo"/> and scales to unit length; false if ~0.</summary>
    private static bool Normalize(double[] v, double[]? orthogonalTo)
    {
        if (orthogonalTo is not null)
        {
            double along = Dot(v, orthogonalTo);
            for (int j = 0; j < v.Length; j++)
                v[j] -= along * orthogonalTo[j];
        }
        double norm = Math.Sqrt(Dot(v, v));
        if (!(norm > 1e-300) || double.IsInfinity(norm))
            return false;
        for (int j = 0; j < v.Length; j++)
            v[j] /= norm;
        return true;
    }

    /// <summary>A unit axis orthogonal to <paramref name="orthogonalTo"/>, for degenerate (constant) data.</summary>
    private static double[] UnitFallback(int d, double[]? orthogonalTo)
    {
        for (int axis = 0; axis < d; axis++)
        {
            var v = new double[d];
            v[axis] = 1;
            if (Normalize(v, orthogonalTo) && (orthogonalTo is null || Math.Abs(Dot(v, orthogonalTo)) < 1e-9))
                return v;
        }
        throw new InvalidOperationException("No unit vector found; unreachable for d > 2.");
    }

    private static double Square(double value) => value * value;

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
            sum += a[j] * b[j];
        return sum;
    }
}
