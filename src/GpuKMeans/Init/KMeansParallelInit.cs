using System.Diagnostics;
using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;

namespace GpuKMeans.Init;

/// <summary>
/// k-means‖ (Bahmani et al. 2012, "Scalable k-means++"; Spark MLlib's default): a few passes over the data each
/// choose about ℓ candidates at once, instead of k-means++'s k sequential passes; then weighted k-means++ over
/// the candidates picks the k centres.
/// <list type="number">
/// <item>The first candidate is one row drawn by weight.</item>
/// <item>Each of the <c>rounds</c> rounds chooses every row independently with probability
/// <c>min(1, ℓ · wᵢ · closestᵢ / φ)</c>, φ = Σ wᵢ · closestᵢ, closestᵢ the squared distance to the closest
/// candidate so far; expected ℓ new candidates per round. The distances come from one assignment on the device
/// with the round's new candidates as the centroids.</item>
/// <item>If fewer than k candidates came out (small ℓ or few rounds), the missing ones are drawn without
/// replacement with probability ∝ wᵢ · closestᵢ, so there are k whenever the data has k distinct points.</item>
/// <item>Each candidate is weighted by the total weight of the points closest to it, and greedy k-means++
/// (<see cref="KMeansPlusPlusInit"/>) chooses k of them on a CPU-backend copy of the candidates.</item>
/// </list>
/// Every draw over the rows is a hash of (seed, round, row) (<see cref="KMeansParallelSampler"/>), so splitting
/// the rows into shards changes none of them.
/// </summary>
internal static class KMeansParallelInit
{
    /// <summary>
    /// Chooses <paramref name="clusterCount"/> centres. <paramref name="cancellationToken"/> is checked before each
    /// round and inside its assignment, then before each centre of the final k-means++; <paramref name="progress"/>,
    /// when given, hears of every centre chosen by that k-means++, its elapsed time counted from the start of the rounds.
    /// </summary>
    /// <param name="device">The fit's workspace; its centroids and labels are overwritten.</param>
    /// <param name="weights">The points' weights, or empty when every weight is 1.</param>
    /// <param name="clusterCount">k.</param>
    /// <param name="oversampling">ℓ, the expected number of candidates per round, positive.</param>
    /// <param name="rounds">Number of sampling rounds, at least 1.</param>
    /// <param name="random">The fit's generator: draws the seed of the rows' hashes, then drives the final k-means++.</param>
    /// <param name="cancellationToken">Stops the seeding.</param>
    /// <param name="progress">Hears of each centre chosen.</param>
    /// <param name="run">The run being seeded, for <paramref name="progress"/>.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static float[] Choose(
        IFitWorkspace device, ReadOnlySpan<float> weights, int clusterCount, double oversampling, int rounds, Random random,
        CancellationToken cancellationToken = default, IProgress<KMeansSeedingProgress>? progress = null, int run = 0)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        ulong seed = (ulong)random.NextInt64(long.MinValue, long.MaxValue);
        var candidates = SampleCandidates(device, weights, clusterCount, oversampling, rounds, seed, cancellationToken);

        double[] candidateWeights = candidates.Weights(weights);
        var floatWeights = new float[candidateWeights.Length];
        for (int c = 0; c < floatWeights.Length; c++)
            floatWeights[c] = (float)candidateWeights[c];
        using var backend = new CpuBackend();
        using var workspace = backend.Upload(candidates.Coordinates(), device.Dimensions, floatWeights).CreateWorkspace(ownsPoints: true);
        var offset = progress is null ? null : new OffsetProgress(progress, clock.Elapsed);
        return KMeansPlusPlusInit.Choose(workspace, floatWeights, clusterCount, random, cancellationToken, offset, run);
    }

    /// <summary>
    /// The first candidate, the rounds and the top-up to k candidates (steps 1–3). <paramref name="passDone"/>, when
    /// given, is called after each pass over the data with its number: 0 for the first candidate, then the rounds,
    /// then <c>rounds + 1</c> for the top-up when there is one.
    /// </summary>
    internal static KMeansParallelCandidates SampleCandidates(
        IFitWorkspace device, ReadOnlySpan<float> weights, int clusterCount, double oversampling, int rounds, ulong seed,
        CancellationToken cancellationToken, Action<int>? passDone = null)
    {
        int n = device.Count;
        var candidates = new KMeansParallelCandidates(device);
        var first = KMeansParallelSampler.LargestKeys(weights, [], 0, n, 1, seed, round: 0);
        candidates.Add([first[0].Row], cancellationToken);
        passDone?.Invoke(0);

        var chosen = new List<long>();
        for (int round = 1; round <= rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double cost = KMeansParallelSampler.Cost(candidates.Closest, weights);
            if (!(cost > 0))
                break;   // every point sits on a candidate
            chosen.Clear();
            KMeansParallelSampler.SampleRound(candidates.Closest, weights, 0, oversampling, cost, seed, round, chosen);
            candidates.Add(chosen, cancellationToken);
            passDone?.Invoke(round);
        }

        int missing = clusterCount - candidates.Count;
        if (missing > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var topUp = KMeansParallelSampler.LargestKeys(weights, candidates.Closest, 0, n, missing, seed, rounds + 1);
            chosen.Clear();
            foreach (var key in topUp)
                if (key.Key > double.NegativeInfinity)
                    chosen.Add(key.Row);
            chosen.Sort();
            candidates.Add(chosen, cancellationToken);
            passDone?.Invoke(rounds + 1);
        }
        return candidates;
    }

    /// <summary>Passes seeding progress on with <see cref="KMeansSeedingProgress.Elapsed"/> counted from an earlier start.</summary>
    private sealed class OffsetProgress(IProgress<KMeansSeedingProgress> inner, TimeSpan offset) : IProgress<KMeansSeedingProgress>
    {
        public void Report(KMeansSeedingProgress value) => inner.Report(value with { Elapsed = value.Elapsed + offset });
    }
}
