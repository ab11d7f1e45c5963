using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GpuKMeans.Benchmarks.Pruning;

/// <summary>
/// Whole fits to convergence with and without pruning, and scikit-learn's Elkan, on the same data and the same
/// initial centroids: <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- pruning [n] [d] [k] [rounds] [contenders] [uniform]</c>.
/// Blobs (k centres uniform in [−10, 10]^d, unit noise) and k distinct random rows as the start are generated
/// here from fixed seeds and written as .npy for <c>sklearn_fit.py</c>. Rounds alternate the contenders, so
/// a change of machine load hits them alike; the load average is printed before and after each fit.
/// </summary>
internal static class PruningComparison
{
    public static void Run(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        int d = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        int k = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 256;
        int rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        // Optional: the contenders to run, comma-separated (lloyd, yinyang, elkan, sklearn-elkan, sklearn-lloyd); all by default.
        var only = args.Length > 4 ? args[4].Split(',') : null;
        bool Runs(string name) => only is null || only.Contains(name, StringComparer.OrdinalIgnoreCase);
        // Optional: "uniform" for points uniform in [0, 1)^d instead of blobs (pruning's unfavourable case).
        bool uniform = args.Length > 5 && args[5] == "uniform";
        var (points, start) = Generate(n, d, k, uniform);
        string folder = Path.Combine(Path.GetTempPath(), $"gpukmeans-pruning-{n}x{d}x{k}");
        Directory.CreateDirectory(folder);
        Npy.Write(Path.Combine(folder, "points.npy"), points, n, d);
        Npy.Write(Path.Combine(folder, "init.npy"), start, k, d);

        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var data = device.Upload(points, d);
        var table = new StringBuilder();
        table.AppendLine($"n × d × k = {n:N0} × {d} × {k}, {(uniform ? "uniform" : "blobs")}, tol 1e-4, same initial centroids; {device}");
        table.AppendLine();
        table.AppendLine("| round | contender | fit s | CPU s | iterations | inertia | distances skipped | load before → after |");
        table.AppendLine("|---:|---|---:|---:|---:|---:|---:|---|");
        for (int round = 1; round <= rounds; round++)
        {
            foreach (var algorithm in new[] { KMeansAlgorithm.Lloyd, KMeansAlgorithm.Yinyang, KMeansAlgorithm.Elkan })
            {
                if (!Runs(algorithm.ToString()))
                    continue;
                string before = Load();
                using var kmeans = new KMeans(new KMeansOptions { ClusterCount = k, InitialCentroids = start, Algorithm = algorithm }, device);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                long started = Stopwatch.GetTimestamp();
                var result = kmeans.Fit(data);
                double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                long skipped = result.IterationStats.Sum(s => s.SkippedDistanceCount);
                double share = skipped / ((double)n * k * result.IterationStats.Count);
                Row(table, round, $"GpuKMeans {algorithm}", seconds, cpu, result.Iterations, result.Inertia, $"{share:P1}", before);
                Console.Error.WriteLine("  ms per iteration: " + string.Join(" ", result.IterationStats.Select(s =>
                    string.Create(CultureInfo.InvariantCulture, $"{s.Elapsed.TotalMilliseconds:F0}({100.0 * s.SkippedDistanceCount / ((double)n * k):F0}%)"))));
            }
            foreach (string algorithm in new[] { "elkan", "lloyd" })
            {
                if (!Runs("sklearn-" + algorithm))
                    continue;
                string before = Load();
                var sklearn = Sklearn(folder, k, algorithm);
                Row(table, round, $"scikit-learn {algorithm}", sklearn.GetProperty("seconds").GetDouble(), sklearn.GetProperty("cpu").GetDouble(),
                    sklearn.GetProperty("iterations").GetInt32(), sklearn.GetProperty("inertia").GetDouble(), "–", before);
            }
        }
        Console.WriteLine(table);
    }

    private static void Row(StringBuilder table, int round, string name, double seconds, double cpu, int iterations, double inertia, string skipped, string before)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"| {round} | {name} | {seconds:F2} | {cpu:F2} | {iterations} | {inertia:E6} | {skipped} | {before} → {Load()} |");
        table.AppendLine(line);
        Console.Error.WriteLine(line);
    }

    /// <summary>Blobs and k distinct rows as the start, from fixed seeds.</summary>
    private static (float[] Points, float[] Start) Generate(int n, int d, int k, bool uniform)
    {
        var random = new Random(20261202);
        var centres = new float[k * d];
        for (int i = 0; i < centres.Length; i++)
            centres[i] = 20f * (float)random.NextDouble() - 10f;
        var points = new float[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            int centre = random.Next(k);
            for (int j = 0; j < d; j++)
                points[(long)i * d + j] = uniform ? (float)random.NextDouble() : centres[centre * d + j] + Normal(random);
        }
        var start = new float[k * d];
        var chosen = new HashSet<int>();
        var pick = new Random(7);
        for (int c = 0; c < k; c++)
        {
            int row;
            do row = pick.Next(n); while (!chosen.Add(row));
            points.AsSpan(row * d, d).CopyTo(start.AsSpan(c * d, d));
        }
        return (points, start);
    }

    private static float Normal(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static JsonElement Sklearn(string folder, int k, string algorithm)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Pruning", "sklearn_fit.py");
        var info = new ProcessStartInfo("/usr/bin/python3", [script, folder, k.ToString(CultureInfo.InvariantCulture), algorithm])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"sklearn_fit.py exited with {process.ExitCode}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
