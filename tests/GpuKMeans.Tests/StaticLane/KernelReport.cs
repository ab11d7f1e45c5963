using GpuKMeans.Backends.Ilgpu;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>Everything the static lane found out about one catalog entry.</summary>
/// <param name="Entry">The catalog entry.</param>
/// <param name="Ptx">ILGPU's PTX (null when the entry has no CUDA target or ILGPU failed, see <paramref name="PtxError"/>).</param>
/// <param name="PtxError">ILGPU's PTX compile failure.</param>
/// <param name="Ptxas">ptxas runs by architecture (empty when the CUDA tools are missing).</param>
/// <param name="OpenCL">ILGPU's OpenCL C (null when the entry has no OpenCL target or ILGPU failed).</param>
/// <param name="OpenCLError">ILGPU's OpenCL compile failure.</param>
/// <param name="Clang">clang-14's syntax check of <paramref name="OpenCL"/> (null when not run).</param>
/// <param name="BlockSize">Threads per block the occupancy figure assumes.</param>
/// <param name="BlockSizeNote">Where <paramref name="BlockSize"/> comes from.</param>
internal sealed record KernelReport(
    IlgpuKernelEntry Entry,
    string? Ptx, string? PtxError, IReadOnlyDictionary<string, PtxasRun> Ptxas,
    string? OpenCL, string? OpenCLError, ToolRun? Clang,
    int BlockSize, string BlockSizeNote)
{
    /// <summary>The architecture whose SASS the hot-loop mix and the occupancy are read from.</summary>
    public const string PrimaryArch = "sm_90";

    /// <summary>The hot loop of the sm_90 SASS (null when there is no SASS or no loop with an FFMA).</summary>
    public SassLoopMix? HotLoop =>
        Ptxas.TryGetValue(PrimaryArch, out var run) && run.Sass is { } sass ? SassLoopMix.FindHotLoop(sass) : null;

    /// <summary>Theoretical sm_90 occupancy (null without ptxas figures for sm_90).</summary>
    public Sm90Occupancy? Occupancy =>
        Ptxas.TryGetValue(PrimaryArch, out var run) && run.Info is { } info
            ? Sm90Occupancy.Compute(info.Registers, info.SharedBytes, BlockSize)
            : null;
}
