using GpuKMeans.Init;
using GpuKMeans.Tests.Reference;
using Xunit;

namespace GpuKMeans.Tests.Init;

/// <summary>
/// k-means‖'s draws are partition-invariant: a shard of rows draws exactly what the whole dataset draws for
/// those rows, because each draw is a hash of (seed, round, global row) — checked here on the sampler itself,
/// with the rows cut into shards at random places (empty shards included).
/// </summary>
public sealed class KMeansParallelSamplerTests
{
    private const int Rows = 20_000;

    /// <summary>Closest distances (some 0, as on a candidate) and weights (some 0) for <see cref="Rows"/> rows.</summary>
    private static (float[] Closest, float[] Weights) Inputs(Random random)
    {
        var closest = new float[Rows];
        var weights = new float[Rows];
        for (int i = 0; i < Rows; i++)
        {
            closest[i] = random.Next(10) == 0 ? 0f : (float)(random.NextDouble() * random.NextDouble() * 50);
            weights[i] = random.Next(20) == 0 ? 0f : 0.1f + 3f * (float)random.NextDouble();
        }
        return (closest, weights);
    }

    /// <summary>Cuts [0, Rows) into <paramref name="shards"/> consecutive ranges at random places (some may be empty).</summary>
    private static (int First, int Count)[] Shards(int shards, Random random)
    {
        var cuts = Enumerable.Range(0, shards - 1).Select(_ => random.Next(Rows + 1)).Append(0).Append(Rows).Order().ToArray();
        return [.. Enumerable.Range(0, shards).Select(s => (cuts[s], cuts[s + 1] - cuts[s]))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void ARoundDrawsTheSameRowsHoweverTheRowsAreSplit(int shardCount)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var (closest, weights) = Inputs(random);
        ulong hashSeed = (ulong)random.NextInt64();
        double cost = KMeansParallelSampler.Cost(closest, weights);
        const double Oversampling = 300;

        for (int round = 1; round <= 3; round++)
        {
            var whole = new List<long>();
            KMeansParallelSampler.SampleRound(closest, weights, 0, Oversampling, cost, hashSeed, round, whole);
            var sharded = new List<long>();
            foreach (var (first, count) in Shards(shardCount, random))
                KMeansParallelSampler.SampleRound(
                    closest.AsSpan(first, count), weights.AsSpan(first, count), first, Oversampling, cost, hashSeed, round, sharded);
            Assert.Equal(whole, sharded);
            Assert.All(whole, row => Assert.True(closest[row] > 0 && weights[row] > 0, $"row {row} has no mass but was drawn"));
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 50)]
    public void TheLargestKeysAreTheSameHoweverTheRowsAreSplit(int shardCount, int count)
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var (closest, weights) = Inputs(random);
        ulong hashSeed = (ulong)random.NextInt64();

        foreach (bool withClosest in new[] { false, true })
        {
            var masses = withClosest ? closest : [];
            var whole = KMeansParallelSampler.LargestKeys(weights, masses, 0, Rows, count, hashSeed, round: 4);
            var merged = Shards(shardCount, random)
                .SelectMany(s => KMeansParallelSampler.LargestKeys(
                    weights.AsSpan(s.First, s.Count), withClosest ? closest.AsSpan(s.First, s.Count) : [], s.First, s.Count, count, hashSeed, 4))
                .OrderDescending().Take(count).ToList();
            Assert.Equal(count, whole.Count);
            Assert.Equal(whole, merged);
        }
    }

    [Fact]
    public void TheDrawDependsOnSeedRoundAndRowAndNothingElse()
    {
        Assert.Equal(KMeansParallelSampler.Uniform(5, 2, 1_000_000_007), KMeansParallelSampler.Uniform(5, 2, 1_000_000_007));
        var draws = new HashSet<double>();
        foreach (ulong seed in new ulong[] { 0, 1, ulong.MaxValue })
            for (int round = 0; round < 3; round++)
                for (long row = 0; row < 1000; row++)
                    Assert.True(draws.Add(KMeansParallelSampler.Uniform(seed, round, row)), $"({seed}, {round}, {row}) repeats a draw");
    }

    [Fact]
    public void DrawsAreUniformInTheOpenUnitInterval()
    {
        const int Count = 200_000;
        var histogram = new int[10];
        double sum = 0;
        for (long row = 0; row < Count; row++)
        {
            double u = KMeansParallelSampler.Uniform(42, 1, row);
            Assert.True(u > 0 && u < 1, $"draw {row} is {u}");
            histogram[(int)(u * 10)]++;
            sum += u;
        }
        // 200 000 draws: the mean's standard error is 0.00065 and a decile's count's is about 134.
        Assert.InRange(sum / Count, 0.497, 0.503);
        Assert.All(histogram, bin => Assert.InRange(bin, Count / 10 - 700, Count / 10 + 700));
    }

    [Fact]
    public void ARoundDrawsAboutOversamplingRowsEachWithItsProbability()
    {
        int seed = TestData.NewSeed();
        var random = new Random(seed);
        var (closest, weights) = Inputs(random);
        double cost = KMeansParallelSampler.Cost(closest, weights);
        const double Oversampling = 400;
        var counts = new int[Rows];
        const int Trials = 200;
        long drawn = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            var rows = new List<long>();
            KMeansParallelSampler.SampleRound(closest, weights, 0, Oversampling, cost, (ulong)trial, 1, rows);
            drawn += rows.Count;
            foreach (long row in rows)
                counts[row]++;
        }
        // Σ min(1, ℓ·mᵢ/φ) ≤ ℓ; the rows are independent, so the mean count per round has a standard error ≤ √ℓ/√Trials ≈ 1.4.
        double expected = Enumerable.Range(0, Rows).Sum(i => Math.Min(1, Oversampling * weights[i] * (double)closest[i] / cost));
        Assert.InRange(drawn / (double)Trials, expected - 8, expected + 8);
        Assert.InRange(expected, 0.9 * Oversampling, Oversampling * (1 + 1e-12));
        // The heaviest row is drawn at its own rate (probability p, 200 trials: within 6 standard errors).
        int heaviest = Enumerable.Range(0, Rows).MaxBy(i => weights[i] * (double)closest[i]);
        double p = Math.Min(1, Oversampling * weights[heaviest] * (double)closest[heaviest] / cost);
        double spread = 6 * Math.Sqrt(Trials * p * (1 - p)) + 1;
        Assert.InRange(counts[heaviest], Trials * p - spread, Trials * p + spread);
    }
}
