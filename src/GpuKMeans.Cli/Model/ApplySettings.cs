using GpuKMeans.Cli.Io;

namespace GpuKMeans.Cli.Model;

/// <summary>The parsed arguments of <c>gpukmeans transform</c> and <c>gpukmeans score</c>.</summary>
/// <param name="Input">Path of the file of points.</param>
/// <param name="InputOptions">How to read it.</param>
/// <param name="Model">The model file (<c>--model</c>) or centroids file (<c>--centroids</c>).</param>
/// <param name="Backend">A <c>--backend</c> value.</param>
/// <param name="OutPath">Where to write the result, or <c>null</c> for standard output (<c>--out</c>, transform only).</param>
/// <param name="Json">Print one JSON object (<c>--json</c>, score only).</param>
/// <param name="Verbose">Write timings to standard error (<c>--verbose</c>).</param>
internal sealed record ApplySettings(
    string Input, InputOptions InputOptions, ModelSource Model, string Backend, string? OutPath, bool Json, bool Verbose);
