using System.Globalization;
using GpuKMeans.Cli.Demo;
using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Generate;

/// <summary>Runs <c>gpukmeans generate blobs</c>: Gaussian blobs (<see cref="Blobs"/>), written as CSV, .npy or raw float32.</summary>
internal static class GenerateBlobsRunner
{
    /// <summary>Generates and writes the points (and labels); returns the exit code (0).</summary>
    /// <exception cref="CliUsageException">A bad option; the message names it.</exception>
    public static int Run(GenerateBlobsSettings settings, CliConsole console)
    {
        if (settings.Count < 1)
            throw new CliUsageException($"--n must be at least 1, got {settings.Count}");
        if (!(settings.StandardDeviation >= 0) || double.IsInfinity(settings.StandardDeviation))
            throw new CliUsageException($"--std must be finite and non-negative, got {NumberText.Short(settings.StandardDeviation)}");
        if (!float.IsFinite((float)settings.StandardDeviation))
            throw new CliUsageException(
                $"--std {settings.StandardDeviation.ToString("R", CultureInfo.InvariantCulture)} is too large for a 32-bit float (the points are written as float32)");
        AtomicFile.CheckWritable("--out", settings.OutPath);
        if (settings.LabelsPath is { } labels)
        {
            AtomicFile.CheckWritable("--labels-out", labels);
            if (string.Equals(Path.GetFullPath(labels), Path.GetFullPath(settings.OutPath), StringComparison.Ordinal))
                throw new CliUsageException($"--out and --labels-out name the same file: {labels}");
        }
        int seed = settings.Seed ?? Random.Shared.Next();
        var centres = BlobCenters.Parse(settings.Centers, settings.Dimensions, seed);
        if ((long)settings.Count * centres[0].Length > Array.MaxLength)
            throw new CliUsageException($"--n {settings.Count} × {centres[0].Length} dimensions is more values than one array can hold");

        var blobs = Blobs.Generate(settings.Count, centres, settings.StandardDeviation, seed);
        CheckFinite(blobs, settings);
        console.WithProgress($"Writing {Path.GetFileName(settings.OutPath)}", 1, report =>
        {
            ResultFiles.WriteMatrix(settings.OutPath, blobs.Points, blobs.Dimensions);
            if (settings.LabelsPath is { } path)
                ResultFiles.WriteLabels(path, blobs.Labels);
            report(1);
            return 0;
        });

        TextTable.WriteFields(console.Out,
        [
            ("Points", $"{blobs.Count} × {blobs.Dimensions} written to {settings.OutPath}"),
            ("Blobs", $"{centres.Count}, std {NumberText.Short(settings.StandardDeviation)}, seed {seed}"),
            ("Labels", settings.LabelsPath is { } l ? $"written to {l}" : "not written (--labels-out)"),
        ]);
        console.Out.WriteLine();
        TextTable.Write(console.Out, ["blob", "size", .. FeatureNames.Of(null, blobs.Dimensions)],
            [.. centres.Select((c, i) => (IReadOnlyList<string>)
                [NumberText.Integer(i), NumberText.Integer(blobs.Labels.Count(l => l == i)), .. c.Select(NumberText.Short)])]);
        return 0;
    }

    /// <summary>Rejects points that left the float32 range: a centre near <see cref="float.MaxValue"/> plus the spread.</summary>
    /// <exception cref="CliUsageException">A generated coordinate is ±∞; the message names <c>--centers</c> and <c>--std</c>.</exception>
    private static void CheckFinite(BlobData blobs, GenerateBlobsSettings settings)
    {
        int index = Array.FindIndex(blobs.Points, v => !float.IsFinite(v));
        if (index < 0)
            return;
        throw new CliUsageException(
            $"--centers '{settings.Centers}' with --std {settings.StandardDeviation.ToString("R", CultureInfo.InvariantCulture)} "
            + $"gives a point beyond the 32-bit float range (row {index / blobs.Dimensions}, column {index % blobs.Dimensions}, 0-based): "
            + "use smaller centres or a smaller --std");
    }
}
