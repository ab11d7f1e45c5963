using GpuKMeans.Cli.Io;
using GpuKMeans.Cli.Model;

namespace GpuKMeans.Cli.Predict;

/// <summary>The parsed arguments of <c>gpukmeans predict</c>.</summary>
/// <param name="Input">Path of the file of points to label.</param>
/// <param name="InputOptions">How to read it.</param>
/// <param name="Model">The model file (<c>--model</c>) or the saved centroids, <c>k × d</c>, CSV or .npy (<c>--centroids</c>).</param>
/// <param name="Backend">A <c>--backend</c> value.</param>
/// <param name="LabelsPath">Where to write the labels, or <c>null</c> (<c>--labels</c>).</param>
/// <param name="Json">Print one JSON object instead of the summary (<c>--json</c>).</param>
/// <param name="Verbose">Write timings to standard error (<c>--verbose</c>).</param>
internal sealed record PredictSettings(
    string Input, InputOptions InputOptions, ModelSource Model, string Backend, string? LabelsPath, bool Json, bool Verbose);
