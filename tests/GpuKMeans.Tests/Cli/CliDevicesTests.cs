using System.Text.Json;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary><c>gpukmeans devices</c>, and the <c>ilgpu-cpu</c> backend it lists.</summary>
public sealed class CliDevicesTests
{
    [Fact]
    public void ListsTheCpuBackends()
    {
        var run = CliRun.Of("devices");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Backends", run.Out);
        var rows = run.Out.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Contains(rows, cells => cells.Length > 0 && cells[0] == "cpu");
        Assert.Contains(rows, cells => cells.Length > 0 && cells[0] == "ilgpu-cpu");
        Assert.Contains("Devices ILGPU sees", run.Out);
    }

    [Fact]
    public void JsonNamesEveryAvailableBackend()
    {
        var run = CliRun.Of("devices", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        string[] backends = [.. json.RootElement.GetProperty("backends").EnumerateArray().Select(b => b.GetProperty("backend").GetString()!)];
        Assert.Contains("cpu", backends);
        Assert.Equal(KMeansDevice.Available().Count, backends.Length);
        var cpu = json.RootElement.GetProperty("backends").EnumerateArray().First(b => b.GetProperty("backend").GetString() == "cpu");
        Assert.False(string.IsNullOrEmpty(cpu.GetProperty("device").GetString()));
        Assert.True(json.RootElement.GetProperty("ilgpuDevices").GetArrayLength() >= 1);
    }

    [Fact]
    public void IlgpuCpuBackendFits()
    {
        using var dir = new CliTempDirectory();
        string input = dir.Write("six.csv", "1,2\n1,4\n1,0\n10,2\n10,4\n10,0\n");

        var run = CliRun.Of("fit", input, "--k", "2", "--seed", "0", "--backend", "ilgpu-cpu", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(16, json.RootElement.GetProperty("inertia").GetDouble(), 1e-3);
    }
}
