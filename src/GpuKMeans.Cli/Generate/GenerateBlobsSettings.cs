namespace GpuKMeans.Cli.Generate;

/// <summary>The parsed arguments of <c>gpukmeans generate blobs</c>.</summary>
/// <param name="Count">Number of points (<c>--n</c>).</param>
/// <param name="Centers">A count or a list of centres (<c>--centers</c>).</param>
/// <param name="Dimensions">Coordinates per point for random centres, or <c>null</c> (<c>--dims</c>, default 2).</param>
/// <param name="StandardDeviation">Spread of every blob on every axis (<c>--std</c>).</param>
/// <param name="Seed">Random seed, or <c>null</c> for a random one (<c>--seed</c>).</param>
/// <param name="OutPath">Where the points go: .csv, .npy or raw float32 by extension (<c>--out</c>).</param>
/// <param name="LabelsPath">Where the blob of every point goes, or <c>null</c> (<c>--labels-out</c>).</param>
internal sealed record GenerateBlobsSettings(
    int Count, string Centers, int? Dimensions, double StandardDeviation, int? Seed, string OutPath, string? LabelsPath);
