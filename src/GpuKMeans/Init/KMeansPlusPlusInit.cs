using GpuKMeans.Backends;

namespace GpuKMeans.Init;

/// <summary>
/// Greedy k-means++ as scikit-learn's <c>_kmeans_plusplus</c>: the first centre is a row drawn by weight;
/// each next centre is the best, by the potential Σ wᵢ·min(closestᵢ, d²(xᵢ, candidate)), of
/// <c>2 + ⌊ln k⌋</c> rows drawn with probability ∝ wᵢ·closestᵢ (D² sampling). Distances run on the
/// device; only block sums and the chosen blocks come back to the host.
/// </summary>
internal static class KMeansPlusPlusInit
{
    /// <summary>
    /// Chooses <paramref name="clusterCount"/> centres. <paramref name="cancellationToken"/> is checked before each
    /// centre (one pass over the data each), and <paramref name="progress"/>, when given, hears of every centre chosen.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static float[] Choose(
        IFitWorkspace device, ReadOnlySpan<float> weights, int clusterCount, Random random,
        CancellationToken cancellationToken = default, IProgress<KMeansSeedingProgress>? progress = null, int run = 0)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int d = device.Dimensions;
        int n = device.Count;
        int trials = 2 + (int)Math.Log(clusterCount);
        var centroids = new float[clusterCount * d];
        int blockSize = PartitionRules.SeedingBlockSize(n);
        var blockSums = new double[PartitionRules.SeedingBlockCount(n)];
        var candidates = new int[trials];
        var candidateRows = new float[trials * d];
        var potentials = new double[trials];
        var blockValues = new float[blockSize];

        int first = DrawByWeight(weights, n, random);
        device.CopyRows([first], centroids.AsSpan(0, d));
        device.ResetClosest();
        device.UpdateClosest(centroids.AsSpan(0, d));
        progress?.Report(new KMeansSeedingProgress(run, 1, clusterCount, clock.Elapsed));

        for (int c = 1; c < clusterCount; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            device.ComputeClosestBlockSums(blockSize, blockSums);
            for (int t = 0; t < trials; t++)
                candidates[t] = DrawByPotential(device, weights, blockSums, blockSize, blockValues, random);
            device.CopyRows(candidates, candidateRows);
            device.ComputeCandidatePotentials(candidateRows, blockSize, potentials);
            int best = 0;
            for (int t = 1; t < trials; t++)
                if (potentials[t] < potentials[best])
                    best = t;
            var centre = centroids.AsSpan(c * d, d);
            candidateRows.AsSpan(best * d, d).CopyTo(centre);
            device.UpdateClosest(centre);
            progress?.Report(new KMeansSeedingProgress(run, c + 1, clusterCount, clock.Elapsed));
        }
        return centroids;
    }

    /// <summary>A row drawn with probability ∝ its weight (uniform without weights).</summary>
    private static int DrawByWeight(ReadOnlySpan<float> weights, int n, Random random)
    {
        if (weights.IsEmpty)
            return random.Next(n);
        double total = 0;
        foreach (float w in weights)
            total += w;
        double target = random.NextDouble() * total;
        double running = 0;
        int lastPositive = 0;
        for (int i = 0; i < n; i++)
        {
            if (weights[i] <= 0)
                continue;
            running += weights[i];
            lastPositive = i;
            if (running > target)
                return i;
        }
        return lastPositive;
    }

    /// <summary>
    /// D² sampling: a row drawn with probability ∝ wᵢ·closestᵢ. The block is found from the device's block
    /// sums, the row by re-adding that block's values on the host in the same order. When every point
    /// already sits on a centre (fewer distinct points than k) the potential is 0 and a uniform row is drawn.
    /// </summary>
    private static int DrawByPotential(
        ISeedingOperations device, ReadOnlySpan<float> weights, double[] blockSums, int blockSize, float[] blockValues, Random random)
    {
        double total = 0;
        foreach (double s in blockSums)
            total += s;
        double target = random.NextDouble() * total;
        if (!(total > 0))
            return random.Next(device.Count);

        int block = 0;
        double before = 0;
        while (block < blockSums.Length - 1 && before + blockSums[block] <= target)
            before += blockSums[block++];
        int firstRow = block * blockSize;
        int rows = Math.Min(blockSize, device.Count - firstRow);
        var values = blockValues.AsSpan(0, rows);
        device.CopyClosest(firstRow, values);

        double running = before;
        int lastPositive = -1;
        for (int r = 0; r < rows; r++)
        {
            double mass = (weights.IsEmpty ? 1.0 : weights[firstRow + r]) * (double)values[r];
            if (mass <= 0)
                continue;
            running += mass;
            lastPositive = firstRow + r;
            if (running > target)
                return firstRow + r;
        }
        // Rounding left the target just past this block's host-side total: take its last row with mass.
        return lastPositive >= 0 ? lastPositive : random.Next(device.Count);
    }
}
