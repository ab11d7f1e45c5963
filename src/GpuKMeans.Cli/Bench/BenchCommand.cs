using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Bench;

/// <summary>The <c>bench</c> command: milliseconds per Lloyd iteration of every backend over a range of n.</summary>
internal static class BenchCommand
{
    /// <summary>The backends <c>bench</c> runs by default, slowest first.</summary>
    public static readonly string[] AllBackends = ["scalar", "ilgpu-cpu", "cpu", "opencl", "cuda"];

    /// <summary>Creates the command; its action runs <see cref="BenchRunner"/>.</summary>
    public static Command Create()
    {
        var sizes = new Option<string>("--n")
        {
            Description = "Point counts, comma-separated.", HelpName = "N,N,...", DefaultValueFactory = _ => "10000,100000,1000000",
        };
        var d = new Option<int>("--d") { Description = "Features per point.", HelpName = "D", DefaultValueFactory = _ => 32 };
        var k = new Option<int>("--k") { Description = "Clusters.", HelpName = "K", DefaultValueFactory = _ => 64 };
        var iterations = new Option<int>("--iterations")
        {
            Description = "Iterations timed per measurement; the median is reported.", HelpName = "N", DefaultValueFactory = _ => 5,
        };
        var backends = new Option<string>("--backends")
        {
            Description = "Backends to run, comma-separated, among scalar (one core, plain loops), ilgpu-cpu, cpu, opencl, cuda; absent ones are skipped.",
            HelpName = "LIST", DefaultValueFactory = _ => string.Join(',', AllBackends),
        };
        var budget = new Option<double>("--budget")
        {
            Description = "Seconds: a backend slower than this at one n is not run on larger n.", HelpName = "SECONDS",
            DefaultValueFactory = _ => 20,
        };
        var output = new Option<string?>("--out") { Description = "Also write the markdown table to this file.", HelpName = "OUT.md" };
        var plot = new Option<string?>("--plot") { Description = "Write a log-log PNG: ms per iteration against n, one line per backend.", HelpName = "OUT.png" };

        var deviceMemory = CommonOptions.DeviceMemory();
        var command = new Command("bench", "Time one Lloyd iteration of every backend present over a range of n; print a markdown table.");
        foreach (Option option in new Option[] { sizes, d, k, iterations, backends, budget, output, plot, deviceMemory })
            command.Add(option);
        command.SetAction(parsed => BenchRunner.Run(
            new BenchSettings(
                ParseList(parsed.GetRequiredValue(sizes), "--n"),
                parsed.GetValue(d),
                parsed.GetValue(k),
                parsed.GetValue(iterations),
                [.. parsed.GetRequiredValue(backends).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(b => b.ToLowerInvariant())],
                parsed.GetValue(budget),
                parsed.GetValue(output),
                parsed.GetValue(plot),
                parsed.GetValue(deviceMemory)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return command;
    }

    private static int[] ParseList(string text, string option)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            values.Add(int.TryParse(part, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out int v)
                ? v : throw new CliUsageException($"{option}: '{part}' is not a whole number"));
        return [.. values.Order()];
    }
}
