using GpuKMeans.Backends.Ilgpu;
using Xunit;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// Whether every kernel also compiles in a plain ILGPU context (<c>Context.Create(b =&gt; b.Default())</c>, without
/// <c>EnableAlgorithms()</c>): the context a caller of <c>KMeansDevice.FromAccelerator</c> may bring.
/// </summary>
public sealed class StaticLaneContextTests
{
    [Fact]
    public void Every_entry_compiles_in_a_context_without_algorithms()
    {
        using var compiler = new IlgpuStaticCompiler(algorithms: false);
        var failures = new List<string>();
        foreach (var entry in IlgpuKernelCatalog.All)
        {
            Try(entry, IlgpuTargets.Cuda, "PTX", () => compiler.CompilePtx(entry, StaticLaneAnalyzer.PtxArchitecture));
            Try(entry, IlgpuTargets.OpenCL, "OpenCL C", () => compiler.CompileOpenCL(entry));
        }
        Assert.True(failures.Count == 0,
            "without EnableAlgorithms() these kernels do not compile:\n" + string.Join('\n', failures));

        void Try(IlgpuKernelEntry entry, IlgpuTargets target, string what, Func<string> compile)
        {
            if (!entry.Targets.HasFlag(target))
                return;
            try
            {
                compile();
            }
            catch (Exception e)
            {
                failures.Add($"{entry.Name} ({what}): {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
