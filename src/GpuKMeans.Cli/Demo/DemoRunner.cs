using GpuKMeans.Cli.Output;

namespace GpuKMeans.Cli.Demo;

/// <summary>
/// The demo <c>gpukmeans</c> runs without arguments: seed notebook 000's data (750 points from three Gaussian
/// blobs, standardised), k = 3 on the best device, and the elbow table of inertia for k = 1..9.
/// </summary>
internal static class DemoRunner
{
    /// <summary>Number of points of the demo data.</summary>
    public const int PointCount = 750;

    /// <summary>Standard deviation of the blobs.</summary>
    public const double BlobStd = 0.4;

    /// <summary>Number of clusters of the demo fit.</summary>
    public const int ClusterCount = 3;

    /// <summary>Largest k of the elbow table (which starts at 1).</summary>
    public const int ElbowMaxK = 9;

    /// <summary>Seed of the data and of every fit.</summary>
    public const int Seed = 0;

    /// <summary>Runs the demo and writes its report; returns the exit code (0).</summary>
    public static int Run(TextWriter output)
    {
        var blobs = Blobs.Generate(PointCount, Blobs.NotebookCentres, BlobStd, Seed);
        float[] points = StandardScaler.Standardize(blobs.Points, blobs.Dimensions);
        string centres = string.Join(", ", Blobs.NotebookCentres.Select(c => $"({string.Join(", ", c)})"));
        output.WriteLine($"GpuKMeans demo: {PointCount} points from {Blobs.NotebookCentres.Count} Gaussian blobs");
        output.WriteLine($"(centres {centres}, std {BlobStd}, seed {Seed}), standardised.");
        output.WriteLine();

        using var device = KMeansDevice.Create(KMeansBackend.Auto);
        var options = new KMeansOptions { ClusterCount = ClusterCount, Seed = Seed };
        KMeansResult result;
        using (var kmeans = new KMeans(options, device))
            result = kmeans.Fit(points, blobs.Dimensions);

        TextTable.WriteFields(output,
        [
            ("Device", $"{device.BackendName}: {device.Name}"),
            ("Clusters", $"k = {ClusterCount} (k-means++, seed {Seed})"),
            ("Iterations", NumberText.Integer(result.Iterations)),
            ("Converged", NumberText.YesNo(result.Converged)),
            ("Inertia", NumberText.Long(result.Inertia)),
        ]);
        output.WriteLine();
        ClusterTable.Write(output, result);
        output.WriteLine();
        output.Flush();

        output.WriteLine($"Elbow: inertia for k = 1..{ElbowMaxK} (k-means++, seed {Seed}, same device)");
        var rows = new List<IReadOnlyList<string>>(ElbowMaxK);
        for (int k = 1; k <= ElbowMaxK; k++)
        {
            using var kmeans = new KMeans(options with { ClusterCount = k }, device);
            var fit = kmeans.Fit(points, blobs.Dimensions);
            rows.Add([NumberText.Integer(k), NumberText.Long(fit.Inertia), NumberText.Integer(fit.Iterations)]);
        }
        TextTable.Write(output, ["k", "inertia", "iterations"], rows);
        return 0;
    }
}
