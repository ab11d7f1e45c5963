using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using GpuKMeans.Init;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// k-means++ seeding against the memory-bandwidth bound, and the default fit, on the CPU backend (issue 13;
/// GPUKMEANS_BENCH_BACKEND picks another, whose bound is then the host's, not the device's):
/// <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- seeding [n] [d] [k] [repeats]</c>
/// (default 1,000,000 × 8, k = 256, 3 repeats; the best of each is printed). Blobs: k centres uniform in
/// [−10, 10]^d, unit noise, fixed seed.
/// <list type="bullet">
/// <item>Read bandwidth: all cores summing the n·d floats of the points (TensorPrimitives.Sum per core's half);
/// copy bandwidth: all cores copying them to another array (bytes copied per second; the traffic is twice that).</item>
/// <item>Bound: one read of the n·d·4 bytes of points per chosen centre at the read bandwidth; each pass also
/// reads the norms, weights and closest distances and writes the latter (n·16 bytes more).</item>
/// <item>Default fit: <c>new KMeans(new KMeansOptions { ClusterCount = k, Seed = 0 })</c> on the uploaded data.</item>
/// </list>
/// </summary>
internal static class SeedingBandwidth
{
    public static void Run(string[] args)
    {
        int n = Arg(args, 0, 1_000_000), d = Arg(args, 1, 8), k = Arg(args, 2, 256), repeats = Arg(args, 3, 3);
        var (points, _) = BenchmarkInputs.Blobs(n, d, k);
        using var device = KMeansDevice.Create(BenchmarkInputs.Backend(KMeansBackend.Cpu));
        Console.WriteLine($"// {device}; n × d × k = {n:N0} × {d} × {k}, blobs; load {Load()}");

        double dataBytes = 4.0 * n * d;
        double read = Best(repeats * 3, () => ReadAll(points)) ;
        var copy = new float[points.Length];
        double copied = Best(repeats * 3, () => CopyAll(points, copy));
        double readGBs = dataBytes / read / 1e9, copyGBs = dataBytes / copied / 1e9;
        Console.WriteLine($"read bandwidth {readGBs:F1} GB/s ({read * 1e3:F2} ms for {dataBytes / 1e6:F0} MB); copy {copyGBs:F1} GB/s");

        using var workspace = device.Backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
        double pass = PassTime(workspace, points, k, repeats);
        double seeding = Best(repeats, () => KMeansPlusPlusInit.Choose(workspace, [], k, new Random(7)));
        double bound = k * dataBytes / (readGBs * 1e9);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"k-means++ seeding: {seeding:F3} s, {seeding / k * 1e3:F2} ms per centre, {k * dataBytes / seeding / 1e9:F1} GB/s of points " +
            $"({k * (dataBytes + 16.0 * n) / seeding / 1e9:F1} GB/s of all traffic); bound {bound:F3} s at the read bandwidth: {seeding / bound:F2}× the bound; " +
            $"one pass alone {pass * 1e3:F2} ms ({dataBytes / pass / 1e9:F1} GB/s of points)"));

        using var data = device.Upload(points, d);
        int iterations = 0;
        double fit = Best(repeats, () =>
        {
            using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, Seed = 0 }, device);
            iterations = kmeans.Fit(data).Iterations;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"default fit: {fit:F3} s ({iterations} iterations); load {Load()}"));
    }

    /// <summary>One <see cref="Backends.ISeedingOperations.SeedingPass"/> with a pending centre and 2 + ⌊ln k⌋ candidates, best of 10·repeats.</summary>
    private static double PassTime(Backends.IFitWorkspace workspace, float[] points, int k, int repeats)
    {
        int d = workspace.Dimensions, n = workspace.Count, trials = 2 + (int)Math.Log(k);
        int blockSize = Backends.PartitionRules.SeedingBlockSize(n);
        var sums = new double[trials * Backends.PartitionRules.SeedingBlockCount(n)];
        var candidates = points.AsSpan(d, trials * d).ToArray();
        var pending = points.AsSpan(0, d).ToArray();
        workspace.ResetClosest();
        return Best(10 * repeats, () => workspace.SeedingPass(pending, candidates, blockSize, sums));
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    /// <summary>The fastest of <paramref name="repeats"/> runs, in seconds.</summary>
    private static double Best(int repeats, Action action)
    {
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return best;
    }

    private static void ReadAll(float[] values)
    {
        int parts = Environment.ProcessorCount;
        var sums = new float[parts];
        Parallel.For(0, parts, p => sums[p] = TensorPrimitives.Sum(Part(values, p, parts)));
        GC.KeepAlive(sums);
    }

    private static void CopyAll(float[] source, float[] destination)
    {
        int parts = Environment.ProcessorCount;
        Parallel.For(0, parts, p =>
        {
            var (start, length) = Range(source.Length, p, parts);
            source.AsSpan(start, length).CopyTo(destination.AsSpan(start, length));
        });
    }

    private static ReadOnlySpan<float> Part(float[] values, int part, int parts)
    {
        var (start, length) = Range(values.Length, part, parts);
        return values.AsSpan(start, length);
    }

    private static (int Start, int Length) Range(int total, int part, int parts)
    {
        int start = (int)((long)total * part / parts), end = (int)((long)total * (part + 1) / parts);
        return (start, end - start);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
