namespace GpuKMeans.Cli.Io;

/// <summary>How to read a file of points: the format options every subcommand shares.</summary>
/// <param name="Format">The format, or <c>null</c> to choose it by extension (<see cref="InputFormats.FromExtension"/>).</param>
/// <param name="Delimiter">The CSV field separator, or <c>null</c> for the default (comma; tab for <c>.tsv</c>).</param>
/// <param name="Columns">The <c>--columns</c> text (CSV only), or <c>null</c> for every column.</param>
/// <param name="Dimensions">Values per point of a raw file (<c>--dims</c>), or <c>null</c>.</param>
internal sealed record InputOptions(InputFormat? Format = null, char? Delimiter = null, string? Columns = null, int? Dimensions = null)
{
    /// <summary>Every option at its default: format by extension, comma-separated CSV, all columns.</summary>
    public static InputOptions Default { get; } = new();
}
