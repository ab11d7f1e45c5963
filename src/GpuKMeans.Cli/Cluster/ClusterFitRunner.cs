using System.Diagnostics;
using GpuKMeans.Cli.Fit;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Shared;
using GpuKMeans.Orleans;

namespace GpuKMeans.Cli.Cluster;

/// <summary>
/// Runs <c>gpukmeans fit INPUT --cluster HOST:G[,…] --shards N</c>: the points stay in INPUT (a float32 <c>.npy</c> or raw
/// file every worker reads at the same path), each worker loads its shards onto its device, and this process drives the
/// library's solver loop over them (<see cref="KMeansCluster"/>). Options that need the points here (scaling, plots,
/// the report) are refused by name.
/// </summary>
internal static class ClusterFitRunner
{
    /// <summary>The <c>--init</c> a cluster fit uses when none is typed: the library's <see cref="KMeansCluster.DefaultInit"/>.</summary>
    public static string DefaultInitName => FitInit.NameOf(KMeansCluster.DefaultInit);

    /// <summary>Fits through the cluster and prints the summary or the JSON; returns 0.</summary>
    /// <exception cref="CliUsageException">A bad or unsupported option, or an unreadable input; the message names it.</exception>
    /// <exception cref="KMeansWorkerLostException">A worker was lost during the fit (the message names it).</exception>
    /// <exception cref="TimeoutException">No gateway answered.</exception>
    public static int Run(FitSettings settings, CliConsole console)
    {
        var gateways = settings.Cluster is { } list
            ? ClusterEndpoints.ParseList("--cluster", list)
            : throw new CliUsageException("--shards is only used by --cluster: add --cluster HOST:G[,HOST:G...]");
        CheckOptions(settings);
        string initName = settings.InitGiven ? settings.Init : DefaultInitName;
        var init = initName.ToLowerInvariant() switch
        {
            FitInit.KMeansPlusPlus => KMeansInitMethod.KMeansPlusPlus,
            FitInit.Random => KMeansInitMethod.RandomRows,
            FitInit.KMeansParallel => KMeansInitMethod.KMeansParallel,
            _ => throw new CliUsageException(
                $"--init: with --cluster, use {FitInit.KMeansParallel} (the default), {FitInit.KMeansPlusPlus} or {FitInit.Random} (got '{initName}')"),
        };
        var input = Describe(settings.Input, settings.InputOptions);
        if (settings.K > input.Rows)
            throw new CliUsageException(
                $"--k {settings.K} is more than the {input.Rows} rows of {input.Path}: k-means needs at least as many points as clusters");
        var options = new KMeansOptions
        {
            ClusterCount = settings.K,
            Init = init,
            InitCount = settings.InitCount,
            MaxIterations = settings.MaxIterations,
            Tolerance = settings.Tolerance,
            Seed = settings.Seed,
        };
        int shards = settings.Shards ?? gateways.Length;

        var clock = Stopwatch.StartNew();
        using var cluster = KMeansCluster.Connect(gateways);
        console.Trace($"connected to {string.Join(", ", gateways.Select(g => g.ToString()))} in {clock.Elapsed.TotalSeconds:F3} s");
        clock.Restart();
        var progress = settings.Verbose ? new VerboseIterations(console) : null;
        var fit = cluster.Fit(options, input, shards, progress);
        var result = fit.Result;
        console.Trace($"fit on {shards} shards: {result.Iterations} iterations of the best run ({result.Run}) in {clock.Elapsed.TotalSeconds:F3} s");

        float[] centroids = [.. result.Centroids];
        if (settings.LabelsPath is { } labelsPath)
            ResultFiles.WriteLabels(labelsPath, [.. result.Labels]);
        if (settings.CentroidsPath is { } centroidsPath)
            ResultFiles.WriteMatrix(centroidsPath, centroids, result.Dimensions);
        if (settings.Json)
        {
            (FitJson.From(settings with { Init = initName }, input.Rows, result, "none", centroids) with { Workers = fit.Workers, Devices = fit.Devices })
                .WriteTo(console.Out);
            return 0;
        }
        string seed = settings.Seed is { } s ? $"seed {s}" : "random seed";
        var fields = new List<(string, string)>
        {
            ("Input", $"{input.Path}: {input.Rows} points × {input.Dimensions} dimensions"),
            ("Cluster", $"{shards} shards on {fit.Workers.Distinct().Count()} workers ({string.Join(", ", fit.Workers.Distinct())})"),
            ("Devices", string.Join("; ", fit.Devices.Distinct())),
            ("Clusters", $"k = {result.ClusterCount} (init {initName}, {seed})"),
            ("Iterations", NumberText.Integer(result.Iterations)),
            ("Converged", NumberText.YesNo(result.Converged)),
            ("Inertia", NumberText.Long(result.Inertia)),
        };
        TextTable.WriteFields(console.Out, fields);
        console.Out.WriteLine();
        ClusterTable.Write(console.Out, result.GetClusterSizes(), centroids, result.Dimensions, null);
        return 0;
    }

    /// <summary>The float32 rows of a <c>.npy</c> (C-ordered <c>&lt;f4</c>, 1-D or 2-D) or raw file (<c>--dims</c>).</summary>
    /// <exception cref="CliUsageException">A CSV, another dtype or order, a missing file or a length that is not whole rows.</exception>
    public static KMeansClusterInput Describe(string path, InputOptions options)
    {
        if (!File.Exists(path))
            throw new CliUsageException($"{path}: file not found");
        var format = options.Format ?? InputFormats.FromExtension(path);
        long length = new FileInfo(path).Length;
        if (format == InputFormat.Npy)
        {
            using var stream = File.OpenRead(path);
            var header = NpyHeader.Read(stream, path);
            if (header.Descr != "<f4" || header.FortranOrder || header.Shape.Length is < 1 or > 2)
                throw new CliUsageException(
                    $"{path}: --cluster reads C-ordered float32 ('<f4') arrays of 1 or 2 dimensions in place; this one is '{header.Descr}', "
                    + $"{(header.FortranOrder ? "Fortran" : "C")} order, shape ({string.Join(", ", header.Shape)})");
            long rows = header.Shape[0], d = header.Shape.Length == 2 ? header.Shape[1] : 1;
            if (rows < 1 || d < 1 || rows > int.MaxValue || d > int.MaxValue || header.DataOffset + rows * d * 4 > length)
                throw new CliUsageException($"{path}: shape ({string.Join(", ", header.Shape)}) does not fit the {length} bytes of the file");
            return new KMeansClusterInput(path, (int)d, (int)rows, header.DataOffset);
        }
        if (format == InputFormat.Raw)
        {
            int d = options.Dimensions ?? throw new CliUsageException($"{path}: a raw float32 file needs --dims (values per point)");
            long rowBytes = 4L * d;
            if (length == 0 || length % rowBytes != 0)
                throw new CliUsageException($"{path}: {length:N0} bytes is not a whole number of points of --dims {d} float32 values");
            return new KMeansClusterInput(path, d, checked((int)(length / rowBytes)));
        }
        throw new CliUsageException($"{path}: --cluster reads .npy (float32) or raw float32 files in place, not CSV: convert it first");
    }

    private static void CheckOptions(FitSettings settings)
    {
        if (settings.K < 1)
            throw new CliUsageException($"--k must be at least 1, got {settings.K}");
        if (settings.Shards is < 1)
            throw new CliUsageException($"--shards must be at least 1, got {settings.Shards}");
        CommonOptions.CheckFitValues(settings.InitCount, settings.MaxIterations, settings.Tolerance);
        if (!string.Equals(settings.Scale, "none", StringComparison.OrdinalIgnoreCase))
            throw new CliUsageException("--scale is not available with --cluster: the workers read the file as it is; scale it first");
        foreach (var (option, value) in new[]
        {
            ("--plot", settings.PlotPath), ("--plot-iterations", settings.PlotIterationsPath), ("--report", settings.ReportPath),
            ("--truth", settings.TruthPath), ("--elbow", settings.ElbowMax?.ToString()),
        })
            if (value is not null)
                throw new CliUsageException($"{option} is not available with --cluster: it needs the points in this process");
        if (settings.LabelsPath is { } labels)
            AtomicFile.CheckWritable("--labels", labels);
        if (settings.CentroidsPath is { } centroids)
            AtomicFile.CheckWritable("--centroids", centroids);
    }
}
