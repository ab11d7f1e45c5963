using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Fit;

/// <summary>The <c>fit</c> command: its arguments, options and help text.</summary>
internal static class FitCommand
{
    /// <summary>Creates the command; its action runs <see cref="FitRunner"/> and writes to the invocation's output.</summary>
    public static Command Create()
    {
        var input = new InputOptionSet();
        var k = new Option<int>("--k", "-k") { Description = "Number of clusters (1 to the number of rows).", HelpName = "K", Required = true };
        var init = new Option<string>("--init")
        {
            Description = "Initial centroids: k-means++, k-means|| (k-means‖: 5 rounds of 2k candidates, then k-means++ over them), "
                + "random (rows drawn at random), or a CSV or .npy file of k rows × d numbers "
                + "(in the data's original units).",
            HelpName = "k-means++|'k-means||'|random|CENTROIDS.csv",
            DefaultValueFactory = _ => FitInit.KMeansPlusPlus,
        };
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "How each iteration finds the nearest centroids: lloyd (all distances), elkan or yinyang (exact pruning, "
                + "same labels as lloyd; CPU backend only, others run lloyd), or auto (= lloyd).",
            HelpName = "auto|lloyd|elkan|yinyang",
            DefaultValueFactory = _ => "auto",
        };
        algorithm.AcceptOnlyFromAmong("auto", "lloyd", "elkan", "yinyang");
        var initCount = CommonOptions.InitCount();
        var maxIterations = CommonOptions.MaxIterations();
        var tolerance = CommonOptions.Tolerance();
        var seed = CommonOptions.Seed();
        var backend = CommonOptions.Backend();
        var scale = CommonOptions.Scale();
        var labels = new Option<string?>("--labels")
        {
            Description = "Write the cluster of every row: one per line, or a 1-D int32 array when the name ends in .npy.",
            HelpName = "OUT.csv|OUT.npy",
        };
        var centroids = new Option<string?>("--centroids")
        {
            Description = "Write the k centroids (original units): one comma-separated row each, or a k × d float32 array when the name ends in .npy.",
            HelpName = "OUT.csv|OUT.npy",
        };
        var model = new Option<string?>("--model")
        {
            Description = "Write the model as JSON: centroids (scaled units), the --scale scaler, feature names, options and seed, "
                + "data shape, inertia, version, backend. predict, transform and score take it with --model and accept raw data.",
            HelpName = "OUT.json",
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "Write a PNG of the points coloured by cluster, centroids as red X, decision regions shaded (a PCA projection when d > 2).",
            HelpName = "OUT.png",
        };
        var plotIterations = new Option<string?>("--plot-iterations")
        {
            Description = "Write a PNG of small multiples: the labels and centroids of the first iterations.",
            HelpName = "OUT.png",
        };
        var report = new Option<string?>("--report")
        {
            Description = "Write one self-contained HTML file (no network) that plays the iterations, with a slider and a decision-boundary checkbox.",
            HelpName = "OUT.html",
        };
        var truth = new Option<string?>("--truth")
        {
            Description = "True labels (one integer per line, or a 1-D integer .npy array, as --labels and generate --labels-out write them): "
                + "adds a \"colour by true label\" checkbox to --report.",
            HelpName = "LABELS.csv|LABELS.npy",
        };
        var elbow = new Option<int?>("--elbow")
        {
            Description = "With --report: also fit k = 1..K on the same copy of the data and add the elbow chart to the report.",
            HelpName = "K",
        };
        var deviceMemory = CommonOptions.DeviceMemory();
        var devices = CommonOptions.Devices();
        var miniBatch = FitMiniBatch.Option();
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Fit through a cluster of 'gpukmeans worker' processes, given their gateways; INPUT (.npy float32 or raw) "
                + "must be readable at the same path here and on every worker. Default init there: " + Cluster.ClusterFitRunner.DefaultInitName + ".",
            HelpName = "HOST:G[,HOST:G...]",
        };
        var shards = new Option<int?>("--shards")
        {
            Description = "With --cluster: row shards, spread evenly over the workers (default: one per gateway named).",
            HelpName = "N",
        };
        var json = CommonOptions.Json();
        var verbose = CommonOptions.Verbose(
            "Write every iteration (run, iteration, inertia, centre shift, label changes, relocated clusters, time) to standard error.");

        var command = new Command("fit", "Cluster the points of a CSV, .npy, raw float32, Parquet or Arrow file with k-means.");
        input.AddTo(command);
        foreach (Option option in new Option[] { k, init, algorithm, initCount, maxIterations, tolerance, seed, backend, scale, miniBatch, labels, centroids, model, plot, plotIterations, report, truth, elbow, deviceMemory, devices, cluster, shards, json, verbose })
            command.Add(option);
        command.SetAction(parsed => FitRunner.Run(
            new FitSettings(
                input.GetPath(parsed),
                input.GetOptions(parsed),
                parsed.GetValue(k),
                parsed.GetRequiredValue(init),
                parsed.GetValue(initCount),
                FitMiniBatch.ValueOrDefault(parsed, maxIterations, parsed.GetValue(miniBatch), FitMiniBatch.DefaultMaxIterations),
                FitMiniBatch.ValueOrDefault(parsed, tolerance, parsed.GetValue(miniBatch), 0.0),
                parsed.GetValue(seed),
                parsed.GetRequiredValue(backend),
                parsed.GetRequiredValue(scale),
                parsed.GetValue(labels),
                parsed.GetValue(centroids),
                parsed.GetValue(json),
                parsed.GetValue(verbose),
                parsed.GetValue(plot),
                parsed.GetValue(plotIterations),
                parsed.GetValue(report),
                parsed.GetValue(truth),
                parsed.GetValue(elbow),
                parsed.GetValue(deviceMemory),
                parsed.GetValue(devices),
                parsed.GetValue(model),
                parsed.GetValue(miniBatch),
                parsed.GetValue(cluster),
                parsed.GetValue(shards),
                parsed.GetResult(init) is { Implicit: false },
                parsed.GetRequiredValue(algorithm)),
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, parsed.GetValue(verbose))));
        return command;
    }
}
