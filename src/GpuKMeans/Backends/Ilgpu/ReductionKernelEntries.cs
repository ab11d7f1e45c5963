using System.Reflection;
using GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// The catalog entries of the label-sort reduction (<see cref="LabelSortReduction"/>): every kernel closed
/// over one <see cref="IReductionConfig"/>, all explicitly grouped. <see cref="All"/> lists the CPU
/// configuration (target <see cref="IlgpuTargets.Cpu"/>) and the GPU one (CUDA and OpenCL), ready to be
/// appended to <see cref="IlgpuKernelCatalog"/>.
/// </summary>
internal static class ReductionKernelEntries
{
    /// <summary>The entries closed over <see cref="CpuReductionConfig"/>: 16-thread groups on ILGPU's CPU accelerator (the reduction's tests).</summary>
    public static ReductionKernels Cpu { get; } = For<CpuReductionConfig>(IlgpuTargets.Cpu);

    /// <summary>The entries closed over <see cref="SerialReductionConfig"/>: what whole fits run on ILGPU's CPU accelerator.</summary>
    public static ReductionKernels Serial { get; } = For<SerialReductionConfig>(IlgpuTargets.Cpu);

    /// <summary>The entries closed over <see cref="CudaReductionConfig"/>, for CUDA and OpenCL.</summary>
    public static ReductionKernels Gpu { get; } = For<CudaReductionConfig>(IlgpuTargets.Cuda | IlgpuTargets.OpenCL);

    /// <summary>Every entry of both configurations, each once.</summary>
    public static IReadOnlyList<IlgpuKernelEntry> All { get; } = [.. Cpu.All, .. Serial.All, .. Gpu.All];

    /// <summary>The entries an accelerator's fits run: the serial configuration on the CPU accelerator, the GPU one elsewhere.</summary>
    public static ReductionKernels For(bool cpu) => cpu ? Serial : Gpu;

    /// <summary>The entries of every reduction kernel closed over <typeparamref name="TConfig"/>.</summary>
    public static ReductionKernels For<TConfig>(IlgpuTargets targets) where TConfig : struct, IReductionConfig
    {
        string suffix = "<" + typeof(TConfig).Name + ">";
        IlgpuKernelEntry Entry(Type type, string method) => new(
            type.Name.Replace("Kernels", "").Replace("Kernel", "") + (method == "Run" ? "" : "." + method) + suffix,
            type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(typeof(TConfig)),
            ExplicitlyGrouped: true, targets);
        return new ReductionKernels(
            typeof(TConfig),
            Entry(typeof(LabelHistogramKernel), nameof(LabelHistogramKernel.Run)),
            Entry(typeof(CountScanKernels), nameof(CountScanKernels.TileTotals)),
            Entry(typeof(CountScanKernels), nameof(CountScanKernels.ScanTotals)),
            Entry(typeof(CountScanKernels), nameof(CountScanKernels.ApplyTiles)),
            Entry(typeof(LabelScatterKernel), nameof(LabelScatterKernel.Run)),
            Entry(typeof(SegmentBoundsKernel), nameof(SegmentBoundsKernel.Run)),
            Entry(typeof(ChunkOffsetsKernel), nameof(ChunkOffsetsKernel.Run)),
            Entry(typeof(SegmentedSumsKernel), nameof(SegmentedSumsKernel.Run)),
            Entry(typeof(ChunkSumsKernel), nameof(ChunkSumsKernel.Run)),
            Entry(typeof(CombineChunksKernel), nameof(CombineChunksKernel.Run)));
    }
}
