using System.CommandLine;
using GpuKMeans.Cli.Scaling;

namespace GpuKMeans.Cli.Shared;

/// <summary>Options several subcommands share, made fresh for each command that adds them.</summary>
internal static class CommonOptions
{
    /// <summary><c>--backend auto|cuda|opencl|cpu|ilgpu-cpu</c>, default auto.</summary>
    public static Option<string> Backend()
    {
        var option = new Option<string>("--backend")
        {
            Description = CliBackends.Description,
            HelpName = string.Join('|', CliBackends.Names),
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, CliBackends.Names);
        return option;
    }

    /// <summary><c>--seed S</c>, optional.</summary>
    public static Option<int?> Seed() =>
        new("--seed") { Description = "Random seed; the same seed gives the same result.", HelpName = "S" };

    /// <summary><c>--n-init N</c>, optional (the library's auto).</summary>
    public static Option<int?> InitCount() => new("--n-init")
    {
        Description = "Runs from different initial centroids; the lowest inertia wins. Default: 1 for k-means++, 10 for random.",
        HelpName = "N",
    };

    /// <summary><c>--max-iter N</c>, default 300.</summary>
    public static Option<int> MaxIterations() => new("--max-iter")
    {
        Description = "Maximum Lloyd iterations per run.", HelpName = "N", DefaultValueFactory = _ => 300,
    };

    /// <summary><c>--tol T</c>, default 1e-4.</summary>
    public static Option<double> Tolerance() => new("--tol")
    {
        Description = "Convergence tolerance, relative to the mean variance of the features.", HelpName = "T",
        DefaultValueFactory = _ => 1e-4,
    };

    /// <summary><c>--scale none|standard|minmax</c>, default none.</summary>
    public static Option<string> Scale()
    {
        var option = new Option<string>("--scale")
        {
            Description = "Scale every feature before clustering: standard (minus the mean, divided by the population "
                + "standard deviation; a constant column is only centred) or minmax (to [0, 1]). The fit runs on the scaled "
                + "data, but centroids are reported (summary, JSON, centroids file) in the ORIGINAL units; inertia stays "
                + "in scaled units.",
            HelpName = string.Join('|', FeatureScaler.Names),
            DefaultValueFactory = _ => "none",
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, FeatureScaler.Names);
        return option;
    }

    /// <summary><c>--device-memory</c>.</summary>
    public static Option<long?> DeviceMemory() => new("--device-memory")
    {
        Description = "Device memory (MiB) the points may fill; larger data are streamed through the device in chunks, the next chunk's copy "
            + "overlapping the work on this one. Default: the device's free memory less a margin (cpu: half the memory).",
        HelpName = "MB",
    };

    /// <summary><c>--devices</c>.</summary>
    public static Option<string?> Devices() => new("--devices")
    {
        Description = "Shard the points over these devices of --backend (indices as `gpukmeans devices` lists them), e.g. 0,1; "
            + "partial statistics are merged in device order, so results repeat bit for bit.",
        HelpName = "0,1,...",
    };

    /// <summary><c>--json</c>.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of the summary." };

    /// <summary><c>--verbose</c>.</summary>
    public static Option<bool> Verbose(string what) => new("--verbose", "-v") { Description = what };

    /// <summary>Checks the values shared by the fitting commands.</summary>
    /// <exception cref="CliUsageException">A value is out of range; the message names the option.</exception>
    public static void CheckFitValues(int? initCount, int maxIterations, double tolerance)
    {
        if (initCount is < 1)
            throw new CliUsageException($"--n-init must be at least 1, got {initCount}");
        if (maxIterations < 1)
            throw new CliUsageException($"--max-iter must be at least 1, got {maxIterations}");
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            throw new CliUsageException($"--tol must be finite and non-negative, got {Output.NumberText.Short(tolerance)}");
    }
}
