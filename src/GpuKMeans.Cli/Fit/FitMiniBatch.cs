using System.CommandLine;

namespace GpuKMeans.Cli.Fit;

/// <summary>
/// <c>gpukmeans fit --mini-batch SIZE</c>: a <see cref="MiniBatchKMeans"/> fit instead of Lloyd's, with scikit-learn's
/// <c>MiniBatchKMeans</c> defaults where the user gave none (<c>--max-iter</c> 100 passes over the data, <c>--tol</c> 0,
/// <c>--n-init</c> 3).
/// </summary>
internal static class FitMiniBatch
{
    /// <summary>scikit-learn's <c>MiniBatchKMeans(max_iter=100)</c>.</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>The <c>--mini-batch SIZE</c> option.</summary>
    public static Option<int?> Option() => new("--mini-batch")
    {
        Description = "Fit by mini-batch k-means (scikit-learn's MiniBatchKMeans) on random batches of SIZE rows (its default is 1024); "
            + "--max-iter then counts passes over the data (default 100), --tol defaults to 0 and --n-init to 3. "
            + "Labels and inertia are computed over all points.",
        HelpName = "SIZE",
    };

    /// <summary>The value of <paramref name="option"/>, or <paramref name="miniBatchDefault"/> with --mini-batch when the user left it out.</summary>
    public static T ValueOrDefault<T>(ParseResult parsed, Option<T> option, int? miniBatch, T miniBatchDefault) =>
        miniBatch is not null && parsed.GetResult(option) is not { Implicit: false } ? miniBatchDefault : parsed.GetValue(option)!;

    /// <summary>Checks <c>--mini-batch</c> and the options it cannot be combined with.</summary>
    /// <exception cref="CliUsageException">The size is below 1, or an option needs the per-iteration history mini-batch does not keep.</exception>
    public static void Check(FitSettings settings)
    {
        if (settings.MiniBatchSize is not int size)
            return;
        if (size < 1)
            throw new CliUsageException($"--mini-batch must be at least 1, got {size}");
        foreach (var (option, path) in new[] { ("--plot-iterations", settings.PlotIterationsPath), ("--report", settings.ReportPath) })
            if (path is not null)
                throw new CliUsageException(
                    $"{option} shows Lloyd iterations, which --mini-batch does not make: leave out one of them");
    }

    /// <summary>The library options of the mini-batch fit the Lloyd options <paramref name="options"/> describe.</summary>
    public static MiniBatchKMeansOptions Options(KMeansOptions options, int batchSize) => new()
    {
        ClusterCount = options.ClusterCount,
        Init = options.Init,
        InitialCentroids = options.InitialCentroids,
        InitCount = options.InitCount,
        MaxIterations = options.MaxIterations,
        Tolerance = options.Tolerance,
        Seed = options.Seed,
        Backend = options.Backend,
        BatchSize = batchSize,
    };
}
