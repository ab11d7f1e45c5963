namespace GpuKMeans.Tests.StaticLane;

/// <summary>One <c>ptxas -arch=… -v --warn-on-spills -Werror</c> run of a kernel's PTX.</summary>
/// <param name="Arch">The architecture, e.g. "sm_90".</param>
/// <param name="ExitCode">ptxas' exit code (non-zero on an error, or on a spill since warnings are errors).</param>
/// <param name="Log">ptxas' output.</param>
/// <param name="Info">The parsed figures; null when ptxas reported none.</param>
/// <param name="Sass">The cubin's SASS from <c>cuobjdump -sass</c>; null when ptxas failed.</param>
internal sealed record PtxasRun(string Arch, int ExitCode, string Log, PtxasInfo? Info, string? Sass);
