using GpuKMeans.Backends.Ilgpu;
using ILGPU.Runtime.Cuda;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// Runs the static lane's tool chain for one catalog entry: ILGPU → PTX → ptxas (sm_90, sm_80) → cuobjdump -sass,
/// and ILGPU → OpenCL C → clang-14 -fsyntax-only. Files go to a scratch folder of the run.
/// </summary>
internal sealed class StaticLaneAnalyzer(IlgpuStaticCompiler compiler, StaticLaneTools tools, string scratch)
{
    /// <summary>The architectures ptxas assembles every CUDA entry for; the first is the one reports read.</summary>
    public static readonly IReadOnlyList<string> Architectures = [KernelReport.PrimaryArch, "sm_80"];

    /// <summary>The PTX target ILGPU compiles for (its PTX is the same for sm_80 and up: ".target sm_80").</summary>
    public static readonly CudaArchitecture PtxArchitecture = CudaArchitecture.SM_90;

    /// <summary>clang-14 arguments for a syntax-only OpenCL C 2.0 check with the full builtin header.</summary>
    public static readonly IReadOnlyList<string> ClangArguments =
        ["-x", "cl", "-cl-std=CL2.0", "-target", "spir64", "-Xclang", "-finclude-default-header", "-fsyntax-only"];

    /// <summary>Compiles and checks <paramref name="entry"/>.</summary>
    public KernelReport Analyze(IlgpuKernelEntry entry)
    {
        string? ptx = null, ptxError = null, openCL = null, openCLError = null;
        var ptxas = new Dictionary<string, PtxasRun>();
        ToolRun? clang = null;
        string stem = Path.Combine(scratch, entry.Name);

        if (entry.Targets.HasFlag(IlgpuTargets.Cuda))
        {
            try
            {
                ptx = compiler.CompilePtx(entry, PtxArchitecture);
            }
            catch (Exception e)
            {
                ptxError = e.ToString();
            }
            if (ptx is not null && tools.CudaBin is not null)
            {
                File.WriteAllText(stem + ".ptx", ptx);
                foreach (var arch in Architectures)
                {
                    // An entry with per-architecture launch bounds gets its own PTX for each other architecture, as the
                    // library compiles it on such a device.
                    string ptxPath = stem + ".ptx";
                    if (entry.Specialization is not null && arch != KernelReport.PrimaryArch)
                    {
                        ptxPath = $"{stem}.{arch}.ptx";
                        File.WriteAllText(ptxPath, compiler.CompilePtx(entry, ArchitectureOf(arch)));
                    }
                    ptxas[arch] = Assemble(stem, arch, ptxPath);
                }
            }
        }

        if (entry.Targets.HasFlag(IlgpuTargets.OpenCL))
        {
            try
            {
                openCL = compiler.CompileOpenCL(entry);
            }
            catch (Exception e)
            {
                openCLError = e.ToString();
            }
            if (openCL is not null && tools.Clang is not null)
            {
                File.WriteAllText(stem + ".cl", openCL);
                clang = ToolRun.Start(tools.Clang, [.. ClangArguments, stem + ".cl"]);
            }
        }

        var (blockSize, note) = GroupSizes.For(entry);
        return new KernelReport(entry, ptx, ptxError, ptxas, openCL, openCLError, clang, blockSize, note);
    }

    /// <summary>"sm_80" → SM_80.</summary>
    private static CudaArchitecture ArchitectureOf(string arch) =>
        new(arch[3] - '0', int.Parse(arch.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture));

    private PtxasRun Assemble(string stem, string arch, string ptxPath)
    {
        string cubin = $"{stem}.{arch}.cubin";
        var run = ToolRun.Start(tools.Ptxas,
            [$"-arch={arch}", "-v", "--warn-on-spills", "-Werror", "-o", cubin, ptxPath]);
        string log = run.Output;
        string? sass = null;
        if (run.ExitCode == 0)
        {
            var dump = ToolRun.Start(tools.Cuobjdump, ["-sass", cubin]);
            sass = dump.ExitCode == 0 ? dump.Stdout : null;
            if (dump.ExitCode != 0)
                log += $"\ncuobjdump -sass failed ({dump.ExitCode}): {dump.Output}";
        }
        return new PtxasRun(arch, run.ExitCode, log, PtxasInfo.Parse(arch, log), sass);
    }
}
