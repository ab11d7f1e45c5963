using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GpuKMeans.Backends.Cpu;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// The CPU backend's Lloyd assignment measured so that other work on the machine disturbs it little:
/// <c>kernel-rate n×d×k[,n×d×k…] [rounds]</c> runs the cache-blocked kernel (<see cref="CpuKernels.AssignRowsBlocked"/>,
/// widest vectors) over all n points on one thread and reports its median thread CPU time (Linux's per-thread clock,
/// which stops while the thread waits for a core) as GFLOP/s, then one whole iteration on all cores (new centroids,
/// assignment and reduction) as median wall and process CPU time. Uniform data (<see cref="BenchmarkInputs.Uniform"/>).
/// Wall time on a loaded machine says little; thread CPU time compares kernels run back to back in one process.
/// </summary>
internal static partial class CpuKernelRate
{
    /// <summary>Linux's CLOCK_THREAD_CPUTIME_ID.</summary>
    private const int ThreadCpuClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static void Run(string[] args)
    {
        if (args.Length is < 1 or > 2)
            throw new ArgumentException("usage: kernel-rate n×d×k[,n×d×k…] [rounds]");
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        foreach (string shape in args[0].Split(','))
        {
            var parts = shape.Split('x', '×');
            if (parts.Length != 3)
                throw new ArgumentException($"'{shape}' is not n×d×k (e.g. 50000x512x1024)");
            int n = int.Parse(parts[0], CultureInfo.InvariantCulture);
            int d = int.Parse(parts[1], CultureInfo.InvariantCulture);
            int k = int.Parse(parts[2], CultureInfo.InvariantCulture);
            var (points, centroids) = BenchmarkInputs.Uniform(n, d, k);
            double flop = 2.0 * n * d * k;
            int reps = Math.Max(1, (int)(4e9 / flop));

            var kernels = CpuKernels.Create(CpuKernels.BestLevel);
            var cpuPoints = new CpuPoints(points, d, default);
            var panels = kernels.NewMicroPanels();
            panels.Pack(centroids, k, d);
            int chunk = Math.Clamp((1 << 16) / d, 64, 512) & ~3;
            var scratch = new float[kernels.BlockedScratchLength(chunk, panels)];
            var labels = new int[n];
            var distances = new float[n];
            using var backend = new CpuBackend(CpuKernels.BestLevel);
            using var workspace = backend.Upload(points, d, default).CreateWorkspace(ownsPoints: true);
            var process = Process.GetCurrentProcess();

            var kernelCpu = new List<double>();
            var iterationWall = new List<double>();
            var iterationCpu = new List<double>();
            for (int round = 0; round <= rounds; round++)
            {
                double start = ThreadCpuMilliseconds();
                for (int i = 0; i < reps; i++)
                    for (int row = 0; row < n; row += chunk)
                        kernels.AssignRowsBlocked(cpuPoints, panels, row, Math.Min(n, row + chunk), labels, distances, scratch);
                double kernel = (ThreadCpuMilliseconds() - start) / reps;

                process.Refresh();
                var processStart = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < reps; i++)
                {
                    workspace.SetCentroids(centroids, k);
                    workspace.AssignAndReduce();
                }
                double wall = clock.Elapsed.TotalMilliseconds / reps;
                process.Refresh();
                // Round 0 compiles and warms the caches.
                if (round == 0)
                    continue;
                kernelCpu.Add(kernel);
                iterationWall.Add(wall);
                iterationCpu.Add((process.TotalProcessorTime - processStart).TotalMilliseconds / reps);
            }
            Console.WriteLine(
                $"{n}x{d}x{k} ({kernels.Level}, {rounds} rounds x {reps}): kernel on 1 thread {Median(kernelCpu):F2} ms thread CPU "
                + $"= {flop / Median(kernelCpu) / 1e6:F0} GFLOP/s; iteration on {Environment.ProcessorCount} cores {Median(iterationWall):F2} ms wall, "
                + $"{Median(iterationCpu):F2} ms process CPU (medians)");
        }
    }

    private static double ThreadCpuMilliseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var time) != 0)
            throw new PlatformNotSupportedException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: kernel-rate needs Linux.");
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
