using System.Collections.Concurrent;
using GpuKMeans.Backends.Ilgpu;
using Xunit;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// Runs the static GPU lane once per test run: fetches the CUDA 11.8 tools (first run only; see
/// <c>scripts/static-lane/fetch-cuda-tools.sh</c>), compiles every <see cref="IlgpuKernelCatalog"/> entry with
/// ILGPU in the library's context (<c>Default().EnableAlgorithms()</c>) and runs ptxas, cuobjdump and clang-14 on
/// the output. The tests of <see cref="StaticLaneCollection"/> then only read the results. Checks needing a tool
/// that could not be obtained skip with the reason; ILGPU's own compilation never skips.
/// </summary>
public sealed class StaticLaneFixture : IDisposable
{
    // GPUKMEANS_STATIC_LANE_KEEP=<folder> keeps the PTX, cubins and SASS there for reading by hand.
    private static readonly string? Keep = Environment.GetEnvironmentVariable("GPUKMEANS_STATIC_LANE_KEEP") is { Length: > 0 } keep
        ? Path.GetFullPath(keep) : null;

    private readonly string _scratch = Keep ??
        Path.Combine(Path.GetTempPath(), $"gpukmeans-static-lane-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Runs the lane.</summary>
    public StaticLaneFixture()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Directory.CreateDirectory(_scratch);
        Tools = StaticLaneTools.Locate();
        FetchSeconds = started.Elapsed.TotalSeconds;
        PtxasVersion = Tools.CudaBin is null ? null : StaticLaneTools.Version(Tools.Ptxas, "release");
        ClangVersion = Tools.Clang is null ? null : StaticLaneTools.Version(Tools.Clang, "clang version");

        using var compiler = new IlgpuStaticCompiler(algorithms: true);
        var analyzer = new StaticLaneAnalyzer(compiler, Tools, _scratch);
        var reports = new ConcurrentDictionary<string, KernelReport>();
        Parallel.ForEach(IlgpuKernelCatalog.All, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            entry => reports[entry.Name] = analyzer.Analyze(entry));
        Reports = IlgpuKernelCatalog.All.Select(e => reports[e.Name]).ToList();
        Seconds = started.Elapsed.TotalSeconds;
    }

    /// <summary>The tools found or fetched.</summary>
    internal StaticLaneTools Tools { get; }

    /// <summary>"Cuda compilation tools, release 11.8, V11.8.89" (null without the tools).</summary>
    internal string? PtxasVersion { get; }

    /// <summary>"Debian clang version 14.0.6" (null without clang-14).</summary>
    internal string? ClangVersion { get; }

    /// <summary>One report per catalog entry, in catalog order.</summary>
    internal IReadOnlyList<KernelReport> Reports { get; }

    /// <summary>Seconds the tool fetch (or the check that the tools are present) took.</summary>
    internal double FetchSeconds { get; }

    /// <summary>Seconds the whole lane took, fetch included.</summary>
    internal double Seconds { get; }

    /// <summary>The report for the entry named <paramref name="name"/>.</summary>
    internal KernelReport Report(string name) => Reports.Single(r => r.Entry.Name == name);

    /// <summary>Skips the calling test when the CUDA tools could not be obtained.</summary>
    internal void RequireCudaTools()
    {
        if (Tools.CudaBin is null)
            Assert.Skip(Tools.CudaSkipReason!);
    }

    /// <summary>Skips the calling test when clang-14 is missing.</summary>
    internal void RequireClang()
    {
        if (Tools.Clang is null)
            Assert.Skip(Tools.ClangSkipReason!);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Keep is not null)
            return;
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }
}
