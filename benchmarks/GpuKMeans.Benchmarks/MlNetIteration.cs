using System.Globalization;
using System.Reflection;
using System.Text.Json;
using GpuKMeans.Cli.Io;
using Microsoft.ML;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// ML.NET's milliseconds per Lloyd iteration on a .npy file, for the peers table (<c>benchmarks/peers/peers.py</c>):
/// <c>dotnet GpuKMeans.Benchmarks.dll mlnet-iteration points.npy k iterations</c>. ML.NET's <c>KMeansTrainer</c> takes no
/// initial centroids, so this is the marginal cost the Python peers are measured by: a fit of 1 iteration and one of
/// <c>iterations</c>, both from the same random rows (<see cref="MlNetKMeans"/>), and
/// (t(iterations) − t(1)) / (the Lloyd iterations the second ran beyond the first, counted from its passes over the data),
/// so loading, initialisation and set-up cancel. A small fit first compiles ML.NET's code. Prints one JSON line on stdout
/// (<c>ms_per_iteration</c> null when the second fit ran no more iterations than the first).
/// </summary>
internal static class MlNetIteration
{
    /// <summary>Rows of the warm-up fit (at least 4·k).</summary>
    private const int WarmUpRows = 4096;

    public static void Run(string[] args)
    {
        if (args.Length != 3)
            throw new ArgumentException("usage: mlnet-iteration <points.npy> <k> <iterations>");
        var points = NpyReader.Read(args[0], null);
        int k = int.Parse(args[1], CultureInfo.InvariantCulture);
        int iterations = int.Parse(args[2], CultureInfo.InvariantCulture);
        if (iterations < 2 || k < 1 || k > points.Rows)
            throw new ArgumentException($"need iterations ≥ 2 and 1 ≤ k ≤ n = {points.Rows}, got k = {k}, iterations = {iterations}");

        int warmRows = Math.Min(points.Rows, Math.Max(WarmUpRows, 4 * k));
        new MlNetKMeans(points.Values[..(warmRows * points.Columns)], points.Columns).Fit(k, 2);

        var mlNet = new MlNetKMeans(points.Values, points.Columns);
        var one = mlNet.TimedFit(k, 1);
        var many = mlNet.TimedFit(k, iterations);
        long extra = many.Passes - one.Passes;
        // No extra iteration (ML.NET's score stopped changing at once): nothing to isolate, so no number.
        double? ms = extra > 0 ? (many.Elapsed - one.Elapsed).TotalMilliseconds / extra : null;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            ms_per_iteration = ms,
            fit_1_ms = one.Elapsed.TotalMilliseconds,
            fit_n_ms = many.Elapsed.TotalMilliseconds,
            extra_iterations = extra,
            threads = Environment.ProcessorCount,
            initialization = MlNetKMeans.Initialization.ToString(),
            mlnet = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0],
        }));
    }
}
