using System.Text.Json;
using GpuKMeans.Cli.Fit;

namespace GpuKMeans.Cli.Elbow;

/// <summary>The object <c>gpukmeans elbow --json</c> prints.</summary>
/// <param name="Input">The file of points.</param>
/// <param name="Points">Number of points.</param>
/// <param name="Dimensions">Values per point.</param>
/// <param name="Scale">The <c>--scale</c> value (inertia is in scaled units unless <c>none</c>).</param>
/// <param name="Seed">The seed, or <c>null</c>.</param>
/// <param name="Backend">The backend of every fit.</param>
/// <param name="Device">The device of every fit.</param>
/// <param name="Results">One row per k.</param>
internal sealed record ElbowJson(
    string Input, int Points, int Dimensions, string Scale, int? Seed, string Backend, string Device,
    IReadOnlyList<ElbowRow> Results)
{
    /// <summary>Writes this object as JSON on one line.</summary>
    public void WriteTo(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, FitJson.SerializerOptions));
}
