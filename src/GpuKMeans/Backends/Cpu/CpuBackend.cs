using System.Runtime.InteropServices;

namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The native CPU backend: SIMD micro-kernels (AVX-512, AVX2, 128-bit or scalar, the widest this machine
/// runs) on all cores, with the same semantics as the GPU kernels. No ILGPU accelerator is involved.
/// </summary>
internal sealed class CpuBackend : IKMeansBackend
{
    private static readonly Lazy<string> ProcessorName = new(ReadProcessorName);
    private readonly CpuKernels _kernels;
    private readonly bool _fuseAccumulate;

    public CpuBackend()
        : this(CpuSimdLevel.Vector512)
    {
    }

    /// <summary>
    /// A backend limited to <paramref name="maxLevel"/> (the tests use this to run every narrower path);
    /// <paramref name="fuseAccumulate"/> = false runs the centroid reduction as its own pass (a benchmark variant).
    /// </summary>
    internal CpuBackend(CpuSimdLevel maxLevel, bool fuseAccumulate = true)
    {
        var level = (CpuSimdLevel)Math.Min((int)maxLevel, (int)CpuKernels.BestLevel);
        _kernels = CpuKernels.Create(level);
        _fuseAccumulate = fuseAccumulate;
        DeviceName = $"{ProcessorName.Value} ({Environment.ProcessorCount} threads, {Describe(level)})";
    }

    public KMeansBackend Kind => KMeansBackend.Cpu;

    public string Name => "CPU";

    public string DeviceName { get; }

    /// <summary>The vector path in use.</summary>
    internal CpuSimdLevel Level => _kernels.Level;

    public IResidentPoints Upload(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights) =>
        new CpuResidentPoints(_kernels, points, dimensions, weights, _fuseAccumulate);

    /// <summary>Fills the aligned host copy chunk by chunk: a file's points are held once.</summary>
    public IResidentPoints Upload(Data.IPointSource source, ReadOnlySpan<float> weights)
    {
        var resident = new CpuResidentPoints(_kernels, source.Count, source.Dimensions, _fuseAccumulate);
        resident.Points.Load(source, weights);
        return resident;
    }

    /// <summary>Half the memory the runtime may use: beyond that a fit streams its points from their source in chunks.</summary>
    public long DefaultMemoryBudget => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    public IChunkSlot CreateChunkSlot(int rows, int dimensions) => new CpuChunkSlot(new CpuResidentPoints(_kernels, rows, dimensions, _fuseAccumulate));

    public void Dispose()
    {
        // Nothing is held beyond managed memory.
    }

    private static string Describe(CpuSimdLevel level) => level switch
    {
        CpuSimdLevel.Vector512 => "AVX-512",
        CpuSimdLevel.Vector256 => "AVX2",
        CpuSimdLevel.Vector128 => System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "NEON" : "SSE",
        _ => "scalar",
    };

    /// <summary>The "model name" of /proc/cpuinfo where there is one, else the architecture.</summary>
    private static string ReadProcessorName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    int colon = line.IndexOf(':');
                    if (colon > 0 && line[..colon].Trim() is "model name" or "Model" or "Processor")
                    {
                        string name = line[(colon + 1)..].Trim();
                        if (name.Length > 0)
                            return name;
                    }
                }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return $"{RuntimeInformation.ProcessArchitecture} CPU";
    }
}
