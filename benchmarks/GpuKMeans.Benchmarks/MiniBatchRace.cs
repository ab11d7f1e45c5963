using System.Diagnostics;
using System.Globalization;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// Mini-batch against full Lloyd on the CPU backend (issue 11): how long Lloyd needs to reach the inertia a
/// mini-batch fit ends with. Both fit one <see cref="KMeansDataset"/> uploaded beforehand, with their library
/// defaults and the same seed (Lloyd: k-means++, one run, tol 1e-4; mini-batch: batch 1024, three inits on
/// 3072-row samples, early stopping). Not a BenchmarkDotNet job — one fit is seconds and the answer is a curve:
/// <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- minibatch [n d k repeats]</c>.
/// </summary>
internal static class MiniBatchRace
{
    public static void Run(string[] args)
    {
        int n = Arg(args, 1, 1_000_000), d = Arg(args, 2, 16), k = Arg(args, 3, 64), repeats = Arg(args, 4, 3);
        float[] points = Blobs(n, d, k, new Random(11));
        using var device = KMeansDevice.Create(KMeansBackend.Cpu);
        using var dataset = device.Upload(points, d);
        Console.WriteLine($"{n} × {d}, k = {k}, blobs (centres uniform in [−4, 4]^{d}, unit noise); {device}");
        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| seed | mini-batch time | steps | ms/step | mini-batch inertia | Lloyd time to that inertia (iterations) | Lloyd to within 1% of it (iterations) | Lloyd to convergence (iterations) | of which k-means++ | Lloyd inertia | speed-up |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int seed = 0; seed < repeats; seed++)
        {
            var clock = Stopwatch.StartNew();
            using var miniBatch = new MiniBatchKMeans(new MiniBatchKMeansOptions { ClusterCount = k, Seed = seed }, device);
            var small = miniBatch.Fit(dataset);
            double miniBatchSeconds = clock.Elapsed.TotalSeconds;
            double stepMs = small.IterationStats.Average(s => s.Elapsed.TotalMilliseconds);

            var timeline = new Timeline();
            using var lloyd = new KMeans(new KMeansOptions { ClusterCount = k, Seed = seed }, device);
            var full = lloyd.Fit(dataset, timeline);
            double lloydSeconds = timeline.Clock.Elapsed.TotalSeconds;
            var reached = timeline.TimeToReach(small.Inertia);
            var near = timeline.TimeToReach(1.01 * small.Inertia);

            // Where Lloyd never reaches the mini-batch inertia, its whole fit (ending higher) is a lower bound.
            string speedUp = reached.Seconds is double r ? $"{r / miniBatchSeconds:F1}×"
                : full.Inertia >= small.Inertia ? $"> {lloydSeconds / miniBatchSeconds:F1}×" : "—";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {seed} | {miniBatchSeconds:F2} s | {small.IterationStats.Count} | {stepMs:F2} | {small.Inertia:G6} | {Format(reached)} | " +
                $"{Format(near)} | {lloydSeconds:F2} s ({full.Iterations}) | {timeline.SeedingSeconds:F2} s | {full.Inertia:G6} | {speedUp} |"));
        }
        Console.WriteLine();
        Console.WriteLine($"load average after: {LoadAverage()}");
    }

    /// <summary>
    /// When each Lloyd iteration finished, and the inertia of the centroids it produced (reported by the next
    /// iteration, whose assignment uses them); when the seeding finished.
    /// </summary>
    private sealed class Timeline : IProgress<KMeansIterationStats>, IProgress<KMeansSeedingProgress>
    {
        private readonly List<(double Seconds, double Inertia)> _iterations = [];

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        /// <summary>When k-means++ chose its last centre.</summary>
        public double SeedingSeconds { get; private set; }

        public void Report(KMeansSeedingProgress value) => SeedingSeconds = Clock.Elapsed.TotalSeconds;

        public void Report(KMeansIterationStats value) => _iterations.Add((Clock.Elapsed.TotalSeconds, value.Inertia));

        /// <summary>The end of the first iteration whose centroids have at most <paramref name="inertia"/>, and its number.</summary>
        public (double? Seconds, int? Iteration) TimeToReach(double inertia)
        {
            for (int i = 1; i < _iterations.Count; i++)
                if (_iterations[i].Inertia <= inertia)
                    return (_iterations[i - 1].Seconds, i);
            return (null, null);
        }
    }

    private static string Format((double? Seconds, int? Iteration) time) =>
        time.Seconds is double s ? string.Create(CultureInfo.InvariantCulture, $"{s:F2} s ({time.Iteration})") : "not reached";

    private static float[] Blobs(int n, int d, int k, Random random)
    {
        var centres = new float[k * d];
        for (int i = 0; i < centres.Length; i++)
            centres[i] = 8f * (float)random.NextDouble() - 4f;
        var points = new float[(long)n * d];
        for (int i = 0; i < n; i++)
        {
            int c = random.Next(k);
            for (int j = 0; j < d; j++)
                points[(long)i * d + j] = centres[c * d + j] + (float)Normal(random);
        }
        return points;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
