using System.Reflection;
using GpuKMeans.Backends.Ilgpu.Kernels;
using GpuKMeans.Backends.Ilgpu.Kernels.Tiled;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>The ILGPU accelerators a kernel entry is compiled for.</summary>
[Flags]
internal enum IlgpuTargets
{
    /// <summary>ILGPU's CPU accelerator.</summary>
    Cpu = 1,

    /// <summary>CUDA (PTX).</summary>
    Cuda = 2,

    /// <summary>OpenCL C.</summary>
    OpenCL = 4,

    /// <summary>Every accelerator.</summary>
    All = Cpu | Cuda | OpenCL,
}

/// <summary>
/// One kernel the library can launch: the method ILGPU compiles, how it is grouped, and which accelerators
/// load it (a tiled kernel has one entry per tile configuration).
/// </summary>
/// <param name="Name">Name in reports (docs/kernels.md, the static GPU lane).</param>
/// <param name="Method">The static kernel method (a closed generic method for a tile configuration).</param>
/// <param name="ExplicitlyGrouped">True for kernels launched with a grid and group size (shared memory, barriers).</param>
/// <param name="Targets">The accelerators that load this entry.</param>
/// <param name="Hot">True for the kernels whose inner loop is the iteration's cost (the static lane reads their instruction mix).</param>
/// <param name="Specialization">Launch bounds the kernel is loaded with on a CUDA device of the given architecture (the static
/// lane compiles each architecture's PTX with the same); none when null.</param>
internal sealed record IlgpuKernelEntry(
    string Name, MethodInfo Method, bool ExplicitlyGrouped, IlgpuTargets Targets, bool Hot = false,
    Func<ILGPU.Runtime.Cuda.CudaArchitecture?, KernelSpecialization>? Specialization = null)
{
    /// <summary>Whether an accelerator of <paramref name="type"/> loads this entry.</summary>
    public bool RunsOn(AcceleratorType type) => type switch
    {
        AcceleratorType.Cuda => Targets.HasFlag(IlgpuTargets.Cuda),
        AcceleratorType.OpenCL => Targets.HasFlag(IlgpuTargets.OpenCL),
        _ => Targets.HasFlag(IlgpuTargets.Cpu),
    };

    /// <summary>
    /// Compiles this entry for <paramref name="accelerator"/> (explicitly grouped with its launch bounds, or
    /// auto-grouped) and returns its stream-first launcher: the one way every kernel of the library is loaded.
    /// </summary>
    public TLauncher Load<TLauncher>(Accelerator accelerator) where TLauncher : Delegate
    {
        if (!ExplicitlyGrouped)
            return accelerator.LoadAutoGroupedKernel(Method).CreateLauncherDelegate<TLauncher>();
        ILGPU.Runtime.Cuda.CudaArchitecture? architecture = accelerator is ILGPU.Runtime.Cuda.CudaAccelerator cuda ? cuda.Architecture : null;
        var specialization = Specialization?.Invoke(architecture) ?? KernelSpecialization.Empty;
        return accelerator.LoadKernel(Method, specialization).CreateLauncherDelegate<TLauncher>();
    }
}

/// <summary>
/// Every kernel the ILGPU backend launches, in one list: <see cref="IlgpuKernelSet"/> loads its kernels from
/// these entries and the static GPU lane (tests/…/StaticLane) compiles every entry to PTX and OpenCL C, so a
/// new kernel cannot escape that check.
/// </summary>
internal static class IlgpuKernelCatalog
{
    public static readonly IlgpuKernelEntry RowNorms = Implicit(
        nameof(RowNorms), (Action<Index1D, ArrayView<float>, ArrayView<float>, int>)RowNormsKernel.Run);

    public static readonly IlgpuKernelEntry ExactInertia = Implicit(
        nameof(ExactInertia),
        (Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<float>, ArrayView<double>, int, int, int>)
        ExactInertiaKernel.Run);

    public static readonly IlgpuKernelEntry SeedingBlockPartials = Implicit(
        nameof(SeedingBlockPartials),
        (SeedingKernels.BlockPartialsKernel)SeedingKernels.BlockPartials);

    public static readonly IlgpuKernelEntry SeedingBlockSums = Implicit(
        nameof(SeedingBlockSums), (Action<Index2D, ArrayView<double>, ArrayView<double>, int>)SeedingKernels.BlockSums);

    public static readonly IlgpuKernelEntry SeedingUpdateClosest = Implicit(
        nameof(SeedingUpdateClosest),
        (Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int>)
        SeedingKernels.UpdateClosest);

    public static readonly IlgpuKernelEntry ClusterDistanceSums = Implicit(
        nameof(ClusterDistanceSums),
        (Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<double>, int, int, int>)
        SilhouetteKernel.Run);

    /// <summary>
    /// Every entry, each once: the implicitly grouped helpers above, the tiled distance core per tile
    /// configuration (<see cref="TiledKernelEntries"/>) and the label-sort reduction per configuration
    /// (<see cref="ReductionKernelEntries"/>).
    /// </summary>
    public static IReadOnlyList<IlgpuKernelEntry> All { get; } =
    [
        RowNorms, ExactInertia, SeedingBlockPartials, SeedingBlockSums, SeedingUpdateClosest, ClusterDistanceSums,
        .. TiledKernelEntries.All,
        .. ReductionKernelEntries.All,
    ];

    private static IlgpuKernelEntry Implicit(string name, Delegate kernel) =>
        new(name, kernel.Method, ExplicitlyGrouped: false, IlgpuTargets.All);
}
