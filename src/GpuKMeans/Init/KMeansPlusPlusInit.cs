using GpuKMeans.Backends;

namespace GpuKMeans.Init;

/// <summary>
/// Greedy k-means++ as scikit-learn's <c>_kmeans_plusplus</c>: the first centre is a row drawn by weight;
/// each next centre is the best, by the potential Σ wᵢ·min(closestᵢ, d²(xᵢ, candidate)), of
/// <c>2 + ⌊ln k⌋</c> rows drawn with probability ∝ wᵢ·closestᵢ (D² sampling). Each centre costs one pass over the
/// points (<see cref="ISeedingOperations.SeedingPass"/>): the pass that evaluates the candidates also applies the
/// centre chosen before them, and the chosen candidate's block sums are the next round's sampling weights, so
/// only block sums and the few drawn blocks come back to the host.
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
        int blocks = PartitionRules.SeedingBlockCount(n);
        var blockSums = new double[blocks];
        var candidateSums = new double[trials * blocks];
        var candidates = new int[trials];
        var candidateRows = new float[trials * d];
        var blockValues = new float[blockSize];

        int first = DrawByWeight(weights, n, random);
        device.CopyRows([first], centroids.AsSpan(0, d));
        device.ResetClosest();
        // The first centre as the only candidate: its block sums are the first round's sampling weights.
        device.SeedingPass([], centroids.AsSpan(0, d), blockSize, blockSums);
        progress?.Report(new KMeansSeedingProgress(run, 1, clusterCount, clock.Elapsed));

        for (int c = 1; c < clusterCount; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pending = centroids.AsSpan((c - 1) * d, d);   // chosen, not yet applied to every point
            for (int t = 0; t < trials; t++)
                candidates[t] = DrawByPotential(device, weights, blockSums, blockSize, pending, blockValues, random);
            device.CopyRows(candidates, candidateRows);
            device.SeedingPass(pending, candidateRows, blockSize, candidateSums);
            int best = 0;
            double bestPotential = Potential(candidateSums, 0, blocks);
            for (int t = 1; t < trials; t++)
            {
                double potential = Potential(candidateSums, t, blocks);
                if (potential < bestPotential)
                    (best, bestPotential) = (t, potential);
            }
            candidateRows.AsSpan(best * d, d).CopyTo(centroids.AsSpan(c * d, d));
            candidateSums.AsSpan(best * blocks, blocks).CopyTo(blockSums);
            progress?.Report(new KMeansSeedingProgress(run, c + 1, clusterCount, clock.Elapsed));
        }
        return centroids;
    }

    /// <summary>Candidate <paramref name="candidate"/>'s potential: its block sums added in block order.</summary>
    private static double Potential(double[] candidateSums, int candidate, int blocks)
    {
        double total = 0;
        foreach (double sum in candidateSums.AsSpan(candidate * blocks, blocks))
            total += sum;
        return total;
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
    /// sums, the row by re-adding that block's values on the host in the same order, once the block's closest
    /// distances have taken in the <paramref name="pending"/> centre. When every point already sits on a centre
    /// (fewer distinct points than k) the potential is 0 and a uniform row is drawn.
    /// </summary>
    private static int DrawByPotential(
        ISeedingOperations device, ReadOnlySpan<float> weights, double[] blockSums, int blockSize, ReadOnlySpan<float> pending,
        float[] blockValues, Random random)
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
        device.UpdateClosest(pending, firstRow, rows);
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
