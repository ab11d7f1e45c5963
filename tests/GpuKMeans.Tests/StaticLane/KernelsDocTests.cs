using Xunit;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// <c>docs/kernels.md</c>: written from the lane's results when <see cref="KernelsMarkdown.OutputVariable"/> names a
/// file (<c>scripts/static-lane/kernels-report.sh</c>); otherwise checked to list every catalog entry.
/// </summary>
[Collection(StaticLaneCollection.Name)]
public sealed class KernelsDocTests(StaticLaneFixture lane)
{
    [Fact]
    public void Kernels_md_covers_every_catalog_entry()
    {
        var target = Environment.GetEnvironmentVariable(KernelsMarkdown.OutputVariable);
        if (!string.IsNullOrEmpty(target))
        {
            lane.RequireCudaTools();
            lane.RequireClang();
            File.WriteAllText(target, KernelsMarkdown.Render(lane, DateOnly.FromDateTime(DateTime.UtcNow)));
            TestContext.Current.SendDiagnosticMessage($"wrote {target} (static lane: {lane.Seconds:F1} s, fetch {lane.FetchSeconds:F1} s)");
            return;
        }
        var root = StaticLaneTools.FindRepositoryRoot();
        Assert.SkipWhen(root is null, "not run from a repository checkout");
        var doc = Path.Combine(root!, "docs", "kernels.md");
        Assert.True(File.Exists(doc), "docs/kernels.md is missing: run scripts/static-lane/kernels-report.sh");
        var text = File.ReadAllText(doc);
        var missing = lane.Reports.Select(r => r.Entry.Name).Where(n => !text.Contains($"| {n} |", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0,
            $"docs/kernels.md does not list {string.Join(", ", missing)}: run scripts/static-lane/kernels-report.sh");
    }
}
