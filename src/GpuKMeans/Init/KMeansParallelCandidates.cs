using GpuKMeans.Backends;

namespace GpuKMeans.Init;

/// <summary>
/// The candidates k-means‖ has chosen so far, and for every point its squared distance to the closest candidate
/// and which candidate that is. Each batch of new candidates is one assignment on the device with the batch as
/// the centroids (<see cref="ILloydStep.AssignAndReduce"/>); the host keeps, per point, the smaller of the old
/// and the new distance. Candidates are numbered in the order they were added, so a point equally close to an
/// old and a new candidate keeps the old one: the lowest index wins ties, as in one assignment to all of them.
/// </summary>
internal sealed class KMeansParallelCandidates
{
    private readonly IFitWorkspace _device;
    private readonly List<float> _coordinates = [];
    private readonly float[] _distances;
    private readonly int[] _labels;

    public KMeansParallelCandidates(IFitWorkspace device)
    {
        _device = device;
        Closest = new float[device.Count];
        Array.Fill(Closest, float.PositiveInfinity);
        Nearest = new int[device.Count];
        Array.Fill(Nearest, -1);
        _distances = new float[device.Count];
        _labels = new int[device.Count];
    }

    /// <summary>Each point's squared distance to its closest candidate (+∞ before the first).</summary>
    public float[] Closest { get; }

    /// <summary>Each point's closest candidate, by the order candidates were added (−1 before the first).</summary>
    public int[] Nearest { get; }

    /// <summary>The candidates' rows, in the order they were added.</summary>
    public List<int> Rows { get; } = [];

    /// <summary>Number of candidates.</summary>
    public int Count => Rows.Count;

    /// <summary>
    /// Adds <paramref name="rows"/> as candidates and lowers every point's closest distance by its distance to
    /// them: one assignment of all points to the new rows. Each new row is its own closest candidate, at 0.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Add(IReadOnlyList<long> rows, CancellationToken cancellationToken)
    {
        int added = rows.Count;
        if (added == 0)
            return;
        int d = _device.Dimensions;
        var newRows = new int[added];
        for (int t = 0; t < added; t++)
            newRows[t] = checked((int)rows[t]);
        var centres = new float[added * d];
        _device.CopyRows(newRows, centres);
        _device.SetCentroids(centres, added);
        _device.AssignAndReduce(cancellationToken);
        _device.CopyMinDistances(_distances);
        _device.CopyLabels(_labels);

        int first = Count;
        for (int i = 0; i < _distances.Length; i++)
            if (_distances[i] < Closest[i])
            {
                Closest[i] = _distances[i];
                Nearest[i] = first + _labels[i];
            }
        for (int t = 0; t < added; t++)
        {
            // The expanded form ‖x‖² − 2x·c + ‖c‖² leaves a rounding residue for a point's distance to itself.
            Closest[newRows[t]] = 0;
            Nearest[newRows[t]] = first + t;
        }
        Rows.AddRange(newRows);
        _coordinates.AddRange(centres);
    }

    /// <summary>The candidates' coordinates, row-major <see cref="Count"/> × d.</summary>
    public float[] Coordinates() => [.. _coordinates];

    /// <summary>
    /// Each candidate's weight: the total weight of the points closest to it (weights empty = all 1), added in
    /// row order, in double.
    /// </summary>
    public double[] Weights(ReadOnlySpan<float> weights)
    {
        var totals = new double[Count];
        for (int i = 0; i < Nearest.Length; i++)
            totals[Nearest[i]] += weights.IsEmpty ? 1.0 : weights[i];
        return totals;
    }
}
