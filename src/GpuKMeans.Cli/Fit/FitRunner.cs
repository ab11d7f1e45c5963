using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;

namespace GpuKMeans.Cli.Fit;

/// <summary>
/// Runs <c>gpukmeans fit</c>: checks the options, reads the CSV, fits, writes the output files (all or nothing) and
/// prints the summary or the JSON. Every problem the user can fix is a <see cref="CliUsageException"/>.
/// </summary>
internal static class FitRunner
{
    /// <summary>The <c>--backend</c> values, lower case, as the help lists them.</summary>
    public static readonly string[] BackendNames = ["auto", "cuda", "opencl", "cpu"];

    /// <summary>Runs the fit described by <paramref name="settings"/> and returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">Bad options or input; the message names the option or the file, line and column.</exception>
    public static int Run(FitSettings settings, TextWriter output)
    {
        var backend = ParseBackend(settings.Backend);
        CheckOptions(settings);
        var data = CsvMatrixReader.Read(settings.Input);
        if (settings.K > data.Rows)
            throw new CliUsageException(
                $"--k {settings.K} is more than the {data.Rows} rows of {data.Path}: k-means needs at least as many points as clusters");
        var init = FitInit.Parse(settings.Init, settings.K, data);

        var options = new KMeansOptions
        {
            ClusterCount = settings.K,
            Init = init.Method,
            InitialCentroids = init.Centroids,
            InitCount = settings.InitCount,
            MaxIterations = settings.MaxIterations,
            Tolerance = settings.Tolerance,
            Seed = settings.Seed,
            Backend = backend,
        };
        KMeansResult result;
        using (var kmeans = CreateKMeans(options, settings.Backend))
            result = kmeans.Fit(data.Values, data.Columns);

        if (settings.LabelsPath is { } labelsPath)
            AtomicFile.Write(labelsPath, writer => WriteLabels(writer, result));
        if (settings.CentroidsPath is { } centroidsPath)
            AtomicFile.Write(centroidsPath, writer => WriteCentroids(writer, result));

        if (settings.Json)
            FitJson.From(settings, data.Rows, result).WriteTo(output);
        else
            FitReport.Write(output, settings, data, options, result);
        return 0;
    }

    /// <summary>Maps a <c>--backend</c> value (any case) to the library's enum.</summary>
    /// <exception cref="CliUsageException">The value is not one of <see cref="BackendNames"/>.</exception>
    public static KMeansBackend ParseBackend(string value) => value.ToLowerInvariant() switch
    {
        "auto" => KMeansBackend.Auto,
        "cuda" => KMeansBackend.Cuda,
        "opencl" => KMeansBackend.OpenCL,
        "cpu" => KMeansBackend.Cpu,
        _ => throw new CliUsageException($"--backend: '{value}' is not one of {string.Join(", ", BackendNames)}"),
    };

    private static void CheckOptions(FitSettings settings)
    {
        if (settings.K < 1)
            throw new CliUsageException($"--k must be at least 1, got {settings.K}");
        if (settings.InitCount is < 1)
            throw new CliUsageException($"--n-init must be at least 1, got {settings.InitCount}");
        if (settings.MaxIterations < 1)
            throw new CliUsageException($"--max-iter must be at least 1, got {settings.MaxIterations}");
        if (!(settings.Tolerance >= 0) || double.IsInfinity(settings.Tolerance))
            throw new CliUsageException($"--tol must be finite and non-negative, got {NumberText.Short(settings.Tolerance)}");
        if (settings.LabelsPath is { } labels)
            AtomicFile.CheckWritable("--labels", labels);
        if (settings.CentroidsPath is { } centroids)
            AtomicFile.CheckWritable("--centroids", centroids);
        if (settings.LabelsPath is { } l && settings.CentroidsPath is { } c
            && string.Equals(Path.GetFullPath(l), Path.GetFullPath(c), StringComparison.Ordinal))
            throw new CliUsageException($"--labels and --centroids name the same file: {l}");
    }

    private static KMeans CreateKMeans(KMeansOptions options, string backendName)
    {
        try
        {
            return new KMeans(options);
        }
        catch (NotSupportedException e)
        {
            throw new CliUsageException($"--backend {backendName}: {e.Message}");
        }
    }

    private static void WriteLabels(TextWriter writer, KMeansResult result)
    {
        foreach (int label in result.Labels)
            writer.WriteLine(NumberText.Integer(label));
    }

    private static void WriteCentroids(TextWriter writer, KMeansResult result)
    {
        for (int c = 0; c < result.ClusterCount; c++)
            writer.WriteLine(string.Join(",", result.GetCentroid(c).ToArray().Select(NumberText.RoundTrip)));
    }
}
