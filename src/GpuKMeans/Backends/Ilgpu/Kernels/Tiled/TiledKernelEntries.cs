namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// Catalog entries of the tiled kernels, one per kernel per tile configuration, for whoever wires them
/// into <see cref="IlgpuKernelCatalog"/> (and so into the static GPU lane): the CUDA configurations' entries
/// (the 128 × 128 tile and the 64 × 64 small-k tile) target CUDA, the OpenCL configuration's OpenCL, the CPU and serial configurations' ILGPU's CPU accelerator. The CUDA
/// assignment is the hot kernel.
/// </summary>
internal static class TiledKernelEntries
{
    /// <summary>Every tiled entry.</summary>
    public static IReadOnlyList<IlgpuKernelEntry> All { get; } =
    [
        .. For<CudaTileConfig>("Cuda", IlgpuTargets.Cuda, hotAssign: true),
        .. For<CudaSmallTileConfig>("CudaSmall", IlgpuTargets.Cuda, hotAssign: false),
        .. For<OpenCLTileConfig>("OpenCL", IlgpuTargets.OpenCL, hotAssign: false),
        .. For<CpuTileConfig>("Cpu", IlgpuTargets.Cpu, hotAssign: false),
        .. For<SerialTileConfig>("Serial", IlgpuTargets.Cpu, hotAssign: false),
    ];

    private static IlgpuKernelEntry[] For<TConfig>(string suffix, IlgpuTargets targets, bool hotAssign)
        where TConfig : struct, ITileConfig =>
    [
        new($"TiledAssign{suffix}", TiledLaunch.AssignMethod<TConfig>(), ExplicitlyGrouped: true, targets, hotAssign,
            TileShape.ArgminSpecialization<TConfig>),
        new($"TiledDistanceMatrix{suffix}", TiledLaunch.DistanceMatrixMethod<TConfig>(), ExplicitlyGrouped: true, targets),
    ];
}
