namespace GpuKMeans.Solver;

/// <summary>
/// The centroids of a mini-batch fit and the weight each has accumulated (scikit-learn's <c>_counts</c>), updated
/// batch by batch as scikit-learn 1.2's <c>_mini_batch_step</c>: each centroid becomes the weighted mean of every row
/// it has been given so far, <c>(c·W + Σ wᵢxᵢ) / (W + Σ wᵢ)</c> — a learning rate of <c>Σwᵢ / (W + Σwᵢ)</c> that
/// shrinks as its weight grows. Counts are kept in double (scikit-learn: the data's dtype, where float32 stops
/// counting at 2²⁴).
/// </summary>
internal sealed class MiniBatchCentroids
{
    private readonly int _dimensions;
    private readonly double[] _counts;
    private long _rowsSinceReassignment;

    public MiniBatchCentroids(float[] initial, int dimensions)
    {
        _dimensions = dimensions;
        Centroids = initial;
        _counts = new double[initial.Length / dimensions];
    }

    /// <summary>Row-major <c>k × d</c> current centroids (replaced, never written, by each step).</summary>
    public float[] Centroids { get; private set; }

    /// <summary>
    /// Whether this step may reassign centroids (scikit-learn's <c>_random_reassign</c>): when a centroid has no weight
    /// yet, or once <c>10 · k</c> rows have been drawn since the last time. Counts the batch's rows.
    /// </summary>
    public bool ReassignmentDue(int batchRows)
    {
        _rowsSinceReassignment += batchRows;
        if (Array.IndexOf(_counts, 0.0) < 0 && _rowsSinceReassignment < 10L * _counts.Length)
            return false;
        _rowsSinceReassignment = 0;
        return true;
    }

    /// <summary>Moves every centroid that got weight in the batch to the mean of all its rows so far; returns the centroids before.</summary>
    public float[] Update(Backends.PartialStatistics batch)
    {
        int d = _dimensions;
        var next = (float[])Centroids.Clone();
        for (int c = 0; c < _counts.Length; c++)
        {
            double added = batch.Weights[c];
            if (!(added > 0))
                continue;
            double total = _counts[c] + added;
            for (int j = 0; j < d; j++)
                next[c * d + j] = (float)((Centroids[c * d + j] * _counts[c] + batch.Sums[c * d + j]) / total);
            _counts[c] = total;
        }
        var previous = Centroids;
        Centroids = next;
        return previous;
    }

    /// <summary>
    /// Moves the centroids whose weight is below <paramref name="ratio"/> times the largest onto distinct rows of the
    /// batch drawn uniformly — at most half the batch's rows, the lightest centroids first (lower index on ties) — and
    /// sets their weight to the smallest weight left, so they are not reassigned again at once. Returns how many moved.
    /// </summary>
    public int Reassign(double ratio, ReadOnlySpan<float> batchRows, Random random)
    {
        int k = _counts.Length, d = _dimensions, rows = batchRows.Length / d;
        double threshold = ratio * _counts.Max();
        var chosen = new List<int>();
        for (int c = 0; c < k; c++)
            if (_counts[c] < threshold)
                chosen.Add(c);
        if (chosen.Count > 0.5 * rows)
        {
            // scikit-learn keeps only those among the ⌊rows / 2⌋ lightest centroids.
            int[] lightest = [.. Enumerable.Range(0, k).OrderBy(c => _counts[c]).ThenBy(c => c).Take((int)(0.5 * rows))];
            chosen.RemoveAll(c => Array.IndexOf(lightest, c) < 0);
        }
        if (chosen.Count == 0)
            return 0;

        int[] picks = DistinctRows(rows, chosen.Count, random);
        for (int r = 0; r < chosen.Count; r++)
            batchRows.Slice(picks[r] * d, d).CopyTo(Centroids.AsSpan(chosen[r] * d, d));

        double smallestKept = double.PositiveInfinity;
        for (int c = 0; c < k; c++)
            if (!chosen.Contains(c))
                smallestKept = Math.Min(smallestKept, _counts[c]);
        if (double.IsFinite(smallestKept))
            foreach (int c in chosen)
                _counts[c] = smallestKept;
        return chosen.Count;
    }

    /// <summary><paramref name="count"/> distinct values of <c>[0, rows)</c> drawn uniformly (a partial Fisher–Yates shuffle).</summary>
    private static int[] DistinctRows(int rows, int count, Random random)
    {
        var pool = new int[rows];
        for (int i = 0; i < rows; i++)
            pool[i] = i;
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, rows);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }
}
