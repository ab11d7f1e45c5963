using System.Globalization;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>The demo that <c>gpukmeans</c> runs without arguments (on the best device: the CPU where there is no GPU).</summary>
public sealed class CliDemoTests
{
    [Fact]
    public void DemoPrintsTheFitAndANonIncreasingElbowTable()
    {
        var run = CliRun.Of();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Err);
        Assert.Contains("Device", run.Out);
        Assert.Contains("Iterations", run.Out);
        Assert.Contains("Converged", run.Out);
        Assert.Contains("Inertia", run.Out);

        var clusters = RowsAfter(run.Out, ["cluster", "size"], 3);
        Assert.Equal(750, clusters.Sum(cells => int.Parse(cells[1], CultureInfo.InvariantCulture)));
        Assert.All(clusters, cells => Assert.Equal(4, cells.Length)); // cluster, size, x0, x1

        var elbow = RowsAfter(run.Out, ["k", "inertia"], 9);
        Assert.Equal(Enumerable.Range(1, 9), elbow.Select(cells => int.Parse(cells[0], CultureInfo.InvariantCulture)));
        double[] inertia = [.. elbow.Select(cells => double.Parse(cells[1], CultureInfo.InvariantCulture))];
        for (int k = 1; k < inertia.Length; k++)
            Assert.True(inertia[k] <= inertia[k - 1], $"inertia rose from k={k} to k={k + 1}:\n{run.Out}");
        // Standardised data: the k = 1 inertia is n × d = 1500.
        Assert.Equal(1500, inertia[0], 0.01);
    }

    /// <summary>The cells of the <paramref name="count"/> table rows under the first header that starts with <paramref name="headerStart"/>.</summary>
    private static string[][] RowsAfter(string output, string[] headerStart, int count)
    {
        string[] lines = output.Split('\n');
        int header = Array.FindIndex(lines, line => Cells(line).Take(headerStart.Length).SequenceEqual(headerStart));
        Assert.True(header >= 0, $"no table headed '{string.Join(' ', headerStart)}' in:\n{output}");
        Assert.True(header + count < lines.Length, output);
        return [.. lines.Skip(header + 1).Take(count).Select(Cells)];
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
