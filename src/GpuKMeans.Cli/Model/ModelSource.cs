using System.Diagnostics;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Model;

/// <summary>The <c>--model</c> or <c>--centroids</c> file of predict, transform and score.</summary>
/// <param name="ModelPath">The model file, or null.</param>
/// <param name="CentroidsPath">The centroids file, or null.</param>
internal sealed record ModelSource(string? ModelPath, string? CentroidsPath)
{
    /// <summary>The file given, for messages and JSON.</summary>
    public string Path => ModelPath ?? CentroidsPath ?? "";

    /// <summary>Checks that exactly one of the options was given.</summary>
    /// <exception cref="CliUsageException">None or both.</exception>
    public void Check(string command)
    {
        if (ModelPath is null && CentroidsPath is null)
            throw new CliUsageException(
                $"{command} needs --model MODEL.json (written by 'fit --model') or --centroids C.csv (written by 'fit --centroids')");
        if (ModelPath is not null && CentroidsPath is not null)
            throw new CliUsageException("--model and --centroids both given: use one (--model carries the centroids and the scaler)");
    }

    /// <summary>Reads the model: a model file as saved, or centroids as a model without scaling.</summary>
    /// <exception cref="CliUsageException">A missing, unreadable, foreign or damaged file; the message names the option and the file.</exception>
    public KMeansModel Load()
    {
        if (CentroidsPath is { } centroidsPath)
        {
            var centroids = PointReader.Read(centroidsPath, InputOptions.Default);
            return KMeansModel.FromCentroids(centroids.Values, centroids.Columns, featureNames: centroids.Header);
        }
        string path = ModelPath!;
        if (Directory.Exists(path))
            throw new CliUsageException($"--model: {path} is a directory, expected a model file");
        try
        {
            return KMeansModel.Load(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliUsageException($"--model: file not found: {path}");
        }
        catch (InvalidDataException e)
        {
            throw new CliUsageException($"--model: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--model: {path}: cannot read the file: {e.Message}");
        }
    }

    /// <summary>Reads the model, then the points of <paramref name="input"/>, and checks that their widths match.</summary>
    /// <exception cref="CliUsageException">Either file is bad, or the widths differ.</exception>
    public (KMeansModel Model, PointMatrix Data) LoadWithPoints(string input, InputOptions options, CliConsole console)
    {
        var clock = Stopwatch.StartNew();
        var model = Load();
        var data = PointReader.Read(input, options, console);
        console.Trace($"read {data.Path}: {data.Rows} points × {data.Columns} dimensions, and {model.ClusterCount} centroids, in {clock.Elapsed.TotalSeconds:F3} s");
        CheckWidth(model, data);
        return (model, data);
    }

    /// <summary>Checks that the points have the model's width.</summary>
    /// <exception cref="CliUsageException">They do not; the message names both files and widths.</exception>
    public void CheckWidth(KMeansModel model, PointMatrix data)
    {
        if (model.Dimensions == data.Columns)
            return;
        string what = ModelPath is null
            ? $"{Path} has {model.Dimensions} values per centroid"
            : $"{Path} was fitted on {model.Dimensions} features" + (model.FeatureNames.IsEmpty ? "" : $" ({string.Join(", ", model.FeatureNames)})");
        throw new CliUsageException(
            $"{what} but {data.Path} has {data.Columns} per point: they must match (use --columns to pick the features the model was fitted on)");
    }
}
