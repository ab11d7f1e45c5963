using GpuKMeans.Backends;

namespace GpuKMeans.Solver;

/// <summary>
/// Draws rows of a fit's points uniformly with replacement (scikit-learn's <c>random_state.randint(0, n, size)</c>)
/// and makes them a small resident set on the fit's own backend: the rows are copied out of the resident points
/// (<see cref="IFitWorkspace.CopyRows"/>, already conditioned), their weights taken from the host copy, and the
/// pair uploaded for one workspace that owns it. So every backend answers the batch's questions itself.
/// </summary>
internal sealed class BatchSampler
{
    private readonly IFitWorkspace _points;
    private readonly IKMeansBackend _backend;
    private readonly ReadOnlyMemory<float> _weights;
    private float[] _values = [];
    private float[] _rowWeights = [];

    public BatchSampler(IFitWorkspace points, IKMeansBackend backend, ReadOnlyMemory<float> weights)
    {
        _points = points;
        _backend = backend;
        _weights = weights;
    }

    /// <summary><paramref name="count"/> row indices drawn uniformly from <c>[0, n)</c>, with replacement.</summary>
    public int[] Draw(Random random, int count)
    {
        var rows = new int[count];
        for (int i = 0; i < count; i++)
            rows[i] = random.Next(_points.Count);
        return rows;
    }

    /// <summary>
    /// Uploads <paramref name="rows"/> (in that order) with their weights; the returned batch owns its workspace. Its
    /// host values stay valid until the next call.
    /// </summary>
    public SampledRows Upload(ReadOnlySpan<int> rows)
    {
        int d = _points.Dimensions;
        if (_values.Length < rows.Length * d)
        {
            _values = new float[rows.Length * d];
            _rowWeights = _weights.IsEmpty ? [] : new float[rows.Length];
        }
        var values = _values.AsSpan(0, rows.Length * d);
        _points.CopyRows(rows, values);
        var weights = _weights.IsEmpty ? default : _rowWeights.AsSpan(0, rows.Length);
        if (!_weights.IsEmpty)
        {
            var all = _weights.Span;
            for (int i = 0; i < rows.Length; i++)
                weights[i] = all[rows[i]];
        }
        var workspace = _backend.Upload(values, d, weights).CreateWorkspace(ownsPoints: true);
        return new SampledRows(workspace, _values.AsMemory(0, rows.Length * d), _weights.IsEmpty ? default : _rowWeights.AsMemory(0, rows.Length));
    }
}
