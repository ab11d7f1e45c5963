using GpuKMeans.Backends.Ilgpu;
using Xunit;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// The static GPU lane: every <see cref="IlgpuKernelCatalog"/> entry is compiled by ILGPU to PTX and OpenCL C and
/// checked with the real vendor tool chain, without a GPU — ptxas for sm_90 and sm_80 (no errors, no spills),
/// the hot loop's FFMA share in the sm_90 SASS (<see cref="HotLoopTargets"/>), and clang-14 on the OpenCL C.
/// </summary>
[Collection(StaticLaneCollection.Name)]
public sealed class StaticLaneTests(StaticLaneFixture lane)
{
    /// <summary>Entries compiled to PTX.</summary>
    public static TheoryData<string> CudaEntries => Names(e => e.Targets.HasFlag(IlgpuTargets.Cuda));

    /// <summary>Entries compiled to PTX, times every ptxas architecture.</summary>
    public static TheoryData<string, string> CudaEntriesByArch
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var entry in IlgpuKernelCatalog.All.Where(e => e.Targets.HasFlag(IlgpuTargets.Cuda)))
            {
                foreach (var arch in StaticLaneAnalyzer.Architectures)
                    data.Add(entry.Name, arch);
            }
            return data;
        }
    }

    /// <summary>Hot entries compiled to PTX.</summary>
    public static TheoryData<string> HotCudaEntries => Names(e => e.Hot && e.Targets.HasFlag(IlgpuTargets.Cuda));

    /// <summary>Entries compiled to OpenCL C.</summary>
    public static TheoryData<string> OpenCLEntries => Names(e => e.Targets.HasFlag(IlgpuTargets.OpenCL));

    [Fact]
    public void Catalog_names_are_unique_and_every_hot_entry_has_a_target()
    {
        var names = IlgpuKernelCatalog.All.Select(e => e.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var hot = IlgpuKernelCatalog.All.Where(e => e.Hot).Select(e => e.Name).ToHashSet();
        Assert.All(hot, name => Assert.True(HotLoopTargets.MinFfmaShare.ContainsKey(name),
            $"hot entry {name} has no FFMA-share floor in StaticLane/HotLoopTargets.cs"));
        Assert.All(HotLoopTargets.MinFfmaShare.Keys, name => Assert.True(hot.Contains(name),
            $"HotLoopTargets names {name}, which is not a hot catalog entry"));
    }

    [Theory]
    [MemberData(nameof(CudaEntries))]
    public void Ilgpu_compiles_the_entry_to_ptx(string name)
    {
        var report = lane.Report(name);
        Assert.True(report.PtxError is null, $"ILGPU could not compile {name} to PTX:\n{report.PtxError}");
        Assert.Contains(".entry", report.Ptx);
    }

    [Theory]
    [MemberData(nameof(CudaEntriesByArch))]
    public void Ptxas_assembles_the_entry_without_errors_or_spills(string name, string arch)
    {
        lane.RequireCudaTools();
        var report = lane.Report(name);
        Assert.True(report.Ptx is not null, $"no PTX for {name}: {report.PtxError}");
        var run = report.Ptxas[arch];
        Assert.True(run.ExitCode == 0, $"ptxas -arch={arch} failed for {name} (exit {run.ExitCode}):\n{run.Log}");
        Assert.True(run.Info is not null, $"ptxas -v reported no entry function for {name}:\n{run.Log}");
        Assert.False(run.Info.Spills,
            $"{name} spills on {arch}: {run.Info.SpillStoreBytes} bytes stored, {run.Info.SpillLoadBytes} loaded");
        Assert.NotNull(run.Sass);
    }

    [Theory]
    [MemberData(nameof(HotCudaEntries))]
    public void Hot_loop_ffma_share_meets_its_floor(string name)
    {
        lane.RequireCudaTools();
        var report = lane.Report(name);
        Assert.True(report.Ptxas.TryGetValue(KernelReport.PrimaryArch, out var run) && run.Sass is not null,
            $"no {KernelReport.PrimaryArch} SASS for {name}");
        var loop = report.HotLoop;
        Assert.True(loop is not null, $"{name} is marked Hot but its SASS has no loop containing an FFMA");
        double floor = HotLoopTargets.MinFfmaShare[name];
        Assert.True(loop.FfmaShare >= floor,
            $"{name}: hot-loop FFMA share {loop.FfmaShare:F3} is below its floor {floor:F3} " +
            $"({loop.Ffma} FFMA of {loop.Total} instructions at 0x{loop.StartAddress:x}..0x{loop.EndAddress:x})");
    }

    [Theory]
    [MemberData(nameof(OpenCLEntries))]
    public void OpenCL_C_of_the_entry_passes_clang(string name)
    {
        var report = lane.Report(name);
        Assert.True(report.OpenCLError is null, $"ILGPU could not compile {name} to OpenCL C:\n{report.OpenCLError}");
        lane.RequireClang();
        Assert.True(report.Clang is { ExitCode: 0 },
            $"clang-14 {string.Join(' ', StaticLaneAnalyzer.ClangArguments)} rejects the OpenCL C of {name}:\n{report.Clang?.Output}");
    }

    [Fact]
    public void Occupancy_is_computed_for_every_assembled_entry()
    {
        lane.RequireCudaTools();
        foreach (var report in lane.Reports.Where(r => r.Ptx is not null))
        {
            var occupancy = report.Occupancy;
            Assert.True(occupancy is { ActiveBlocks: > 0 },
                $"{report.Entry.Name} cannot be resident on an sm_90 SM with {report.BlockSize} threads per block");
        }
    }

    private static TheoryData<string> Names(Func<IlgpuKernelEntry, bool> filter) =>
        new(IlgpuKernelCatalog.All.Where(filter).Select(e => e.Name));
}
