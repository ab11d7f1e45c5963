namespace GpuKMeans.Backends.Ilgpu;

/// <summary>The catalog entries of the label-sort reduction for one configuration, by role.</summary>
/// <param name="Config">The <see cref="Kernels.Reduction.IReductionConfig"/> struct the kernels are closed over.</param>
/// <param name="Histogram">Per-tile digit histograms (<see cref="Kernels.Reduction.LabelHistogramKernel"/>).</param>
/// <param name="TileTotals">Scan step 1 (<see cref="Kernels.Reduction.CountScanKernels.TileTotals{TConfig}"/>).</param>
/// <param name="ScanTotals">Scan step 2 (<see cref="Kernels.Reduction.CountScanKernels.ScanTotals{TConfig}"/>).</param>
/// <param name="ApplyTiles">Scan step 3 (<see cref="Kernels.Reduction.CountScanKernels.ApplyTiles{TConfig}"/>).</param>
/// <param name="Scatter">Stable scatter (<see cref="Kernels.Reduction.LabelScatterKernel"/>).</param>
/// <param name="SegmentBounds">Cluster segment offsets (<see cref="Kernels.Reduction.SegmentBoundsKernel"/>).</param>
/// <param name="ChunkOffsets">Chunk offsets per cluster (<see cref="Kernels.Reduction.ChunkOffsetsKernel"/>).</param>
/// <param name="SegmentedSums">Level-1 chunk sums (<see cref="Kernels.Reduction.SegmentedSumsKernel"/>).</param>
/// <param name="ChunkSums">Level-2 chunk sums (<see cref="Kernels.Reduction.ChunkSumsKernel"/>).</param>
/// <param name="Combine">Per-cluster totals (<see cref="Kernels.Reduction.CombineChunksKernel"/>).</param>
internal sealed record ReductionKernels(
    Type Config,
    IlgpuKernelEntry Histogram, IlgpuKernelEntry TileTotals, IlgpuKernelEntry ScanTotals, IlgpuKernelEntry ApplyTiles,
    IlgpuKernelEntry Scatter, IlgpuKernelEntry SegmentBounds, IlgpuKernelEntry ChunkOffsets,
    IlgpuKernelEntry SegmentedSums, IlgpuKernelEntry ChunkSums, IlgpuKernelEntry Combine)
{
    /// <summary>The entries in launch order.</summary>
    public IReadOnlyList<IlgpuKernelEntry> All =>
        [Histogram, TileTotals, ScanTotals, ApplyTiles, Scatter, SegmentBounds, ChunkOffsets, SegmentedSums, ChunkSums, Combine];
}
