using GpuKMeans.Cli.Io;

namespace GpuKMeans.Cli.Fit;

/// <summary>The meaning of <c>--init</c>: a method name, or a CSV or .npy file of <c>k × d</c> starting centroids.</summary>
/// <param name="Method">The library's init method.</param>
/// <param name="Centroids">Row-major starting centroids (in the data's original units) when <paramref name="Method"/> is explicit, else <c>null</c>.</param>
internal sealed record FitInit(KMeansInitMethod Method, float[]? Centroids)
{
    /// <summary>The <c>--init</c> value for k-means++.</summary>
    public const string KMeansPlusPlus = "k-means++";

    /// <summary>The <c>--init</c> value for k-means‖ (quote it in a shell: <c>--init 'k-means||'</c>).</summary>
    public const string KMeansParallel = "k-means||";

    /// <summary>The <c>--init</c> value for random rows.</summary>
    public const string Random = "random";

    /// <summary>The <c>--init</c> value of <paramref name="method"/> (a method chosen by name, not a file).</summary>
    public static string NameOf(KMeansInitMethod method) => method switch
    {
        KMeansInitMethod.RandomRows => Random,
        KMeansInitMethod.KMeansParallel => KMeansParallel,
        _ => KMeansPlusPlus,
    };

    /// <summary>Interprets <paramref name="value"/> for <paramref name="k"/> clusters of <paramref name="data"/>'s points.</summary>
    /// <exception cref="CliUsageException">The value is neither a method nor a readable centroids file of the right shape.</exception>
    public static FitInit Parse(string value, int k, PointMatrix data)
    {
        if (string.Equals(value, KMeansPlusPlus, StringComparison.OrdinalIgnoreCase))
            return new FitInit(KMeansInitMethod.KMeansPlusPlus, null);
        if (string.Equals(value, KMeansParallel, StringComparison.OrdinalIgnoreCase))
            return new FitInit(KMeansInitMethod.KMeansParallel, null);
        if (string.Equals(value, Random, StringComparison.OrdinalIgnoreCase))
            return new FitInit(KMeansInitMethod.RandomRows, null);
        if (!File.Exists(value))
            throw new CliUsageException(
                $"--init: '{value}' is not {KMeansPlusPlus}, {KMeansParallel}, {Random} or an existing CSV or .npy file of initial centroids (file not found: {value})");

        var centroids = PointReader.Read(value, InputOptions.Default);
        if (centroids.Columns != data.Columns)
            throw new CliUsageException(
                $"{centroids.FirstRowLocation}: expected {data.Columns} columns (as in {data.Path}), found {centroids.Columns}");
        if (centroids.Rows != k)
            throw new CliUsageException(
                $"{value}: expected {k} rows of initial centroids (one per cluster, --k {k}), found {centroids.Rows}");
        return new FitInit(KMeansInitMethod.Explicit, centroids.Values);
    }
}
