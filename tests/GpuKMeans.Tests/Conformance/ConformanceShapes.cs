using Xunit;
namespace GpuKMeans.Tests.Conformance;

/// <summary>The odd shapes every kernel is checked on: d not a multiple of any tile, k = 1, n = 1, n = k, n prime.</summary>
public static class ConformanceShapes
{
    public static readonly int[] Dimensions = [1, 2, 3, 7, 32, 33, 130];
    public static readonly int[] ClusterCounts = [1, 2, 5, 64, 257];

    /// <summary>
    /// (n, d, k) for n ∈ {1, k, 1000, 10007}. The n = 10007 rows with d·k ≥ 2000 (seconds each on ILGPU's CPU
    /// accelerator) carry <c>Category=Slow</c>: <c>.ci/run</c> and the GPU check run them, a plain <c>dotnet test</c> runs
    /// the same d and k at n = 1000.
    /// </summary>
    public static TheoryData<int, int, int> Kernels()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int d in Dimensions)
            foreach (int k in ClusterCounts)
                foreach (int n in new[] { 1, k, 1000, 10007 }.Distinct())
                {
                    var row = new TheoryDataRow<int, int, int>(n, d, k);
                    data.Add(n == 10007 && d * k >= 2000 ? row.WithTrait("Category", "Slow") : row);
                }
        return data;
    }

    /// <summary>(n, d) for the k-means++ kernels.</summary>
    public static TheoryData<int, int> Seeding()
    {
        var data = new TheoryData<int, int>();
        foreach (int d in Dimensions)
            foreach (int n in new[] { 1, 1000, 10007 })
                data.Add(n, d);
        return data;
    }
}
