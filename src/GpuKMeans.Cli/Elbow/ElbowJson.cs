using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
/// <param name="IncludeSilhouette">
/// Whether each row has a <c>silhouette</c> field (<c>--silhouette</c>; <c>null</c> where undefined, as for k = 1);
/// without it the rows have none.
/// </param>
internal sealed record ElbowJson(
    string Input, int Points, int Dimensions, string Scale, int? Seed, string Backend, string Device,
    IReadOnlyList<ElbowRow> Results, [property: JsonIgnore] bool IncludeSilhouette = false)
{
    /// <summary><see cref="FitJson.SerializerOptions"/> that leave out the rows' <c>silhouette</c> field.</summary>
    private static readonly JsonSerializerOptions WithoutSilhouette = new(FitJson.SerializerOptions)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                static info =>
                {
                    if (info.Type != typeof(ElbowRow))
                        return;
                    foreach (var property in info.Properties)
                        if (property.Name == "silhouette")
                            property.ShouldSerialize = static (_, _) => false;
                },
            },
        },
    };

    /// <summary>Writes this object as JSON on one line.</summary>
    public void WriteTo(TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(this, IncludeSilhouette ? FitJson.SerializerOptions : WithoutSilhouette));
}
