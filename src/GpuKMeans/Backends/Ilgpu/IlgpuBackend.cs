using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>The ILGPU backend: one accelerator (CUDA, OpenCL or ILGPU's CPU accelerator) and its loaded kernels.</summary>
internal sealed class IlgpuBackend : IKMeansBackend
{
    private readonly Accelerator _accelerator;
    private readonly Lazy<IlgpuKernelSet> _kernels;

    public IlgpuBackend(Accelerator accelerator)
    {
        _accelerator = accelerator;
        Kind = accelerator.AcceleratorType switch
        {
            AcceleratorType.Cuda => KMeansBackend.Cuda,
            AcceleratorType.OpenCL => KMeansBackend.OpenCL,
            _ => KMeansBackend.IlgpuCpu,
        };
        _kernels = new(() => new IlgpuKernelSet(accelerator), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public KMeansBackend Kind { get; }

    public string Name => Kind switch
    {
        KMeansBackend.Cuda => "CUDA",
        KMeansBackend.OpenCL => "OpenCL",
        _ => "ILGPU CPU accelerator",
    };

    public string DeviceName => _accelerator.Name;

    /// <summary>Kernels are compiled on first use (≈ 250 ms each on CUDA, once even when threads race), then reused for every fit.</summary>
    private IlgpuKernelSet Kernels => _kernels.Value;

    public IResidentPoints Upload(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights) =>
        new IlgpuResidentPoints(_accelerator, Kernels, points, dimensions, weights);

    /// <summary>CUDA: the free memory less 10% and 512 MiB for the work buffers; others: 80% of the device memory.</summary>
    public long DefaultMemoryBudget => _accelerator switch
    {
        CudaAccelerator cuda => Math.Max(0, cuda.GetFreeMemory() - cuda.MemorySize / 10 - (512L << 20)),
        _ => Math.Min(_accelerator.MemorySize, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) / 5 * 4,
    };

    public IChunkSlot CreateChunkSlot(int rows, int dimensions) => new IlgpuChunkSlot(_accelerator, Kernels, rows, dimensions);

    public void Dispose()
    {
        // The accelerator belongs to the KMeansDevice that made this backend; nothing else to free.
    }
}
