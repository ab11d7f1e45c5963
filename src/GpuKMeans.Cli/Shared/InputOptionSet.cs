using System.CommandLine;
using GpuKMeans.Cli.Io;

namespace GpuKMeans.Cli.Shared;

/// <summary>The INPUT argument and the options that say how to read it (<c>--format</c>, <c>--delimiter</c>, <c>--columns</c>, <c>--dims</c>).</summary>
internal sealed class InputOptionSet
{
    private readonly Argument<string> _input = new("INPUT")
    {
        Description = "The points: CSV (one point per row, optional header row), NumPy .npy (float32/float64, n × d or n), "
            + "raw little-endian float32 (.raw, .f32, .bin; needs --dims), Apache Parquet (.parquet) or Arrow IPC (.arrow, .feather file; "
            + ".arrows stream) with float, double or integer columns. The format follows the extension unless --format says otherwise.",
    };

    private readonly Option<string?> _format = new("--format")
    {
        Description = "Read INPUT as this format whatever its extension.", HelpName = string.Join('|', InputFormats.Names),
    };

    private readonly Option<string?> _delimiter = new("--delimiter")
    {
        Description = "CSV field separator: one character, or \\t / tab, space, semicolon, pipe. Default: comma (tab for .tsv).",
        HelpName = "C",
    };

    private readonly Option<string?> _columns = new("--columns")
    {
        Description = "Columns to cluster on (CSV, Parquet, Arrow), 0-based, after a CSV header row is detected: 0,2,5 or 1-3 or "
            + "column names (x,y). Default: all.",
        HelpName = "LIST",
    };

    private readonly Option<int?> _dims = new("--dims")
    {
        Description = "Values per point of a raw float32 file (required for raw input).", HelpName = "D",
    };

    /// <summary>Adds the argument and the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        _format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, InputFormats.Names);
        command.Add(_input);
        command.Add(_format);
        command.Add(_delimiter);
        command.Add(_columns);
        command.Add(_dims);
    }

    /// <summary>The INPUT path the user gave.</summary>
    public string GetPath(ParseResult parsed) => parsed.GetRequiredValue(_input);

    /// <summary>The reading options the user gave.</summary>
    /// <exception cref="CliUsageException">An unknown format or delimiter.</exception>
    public InputOptions GetOptions(ParseResult parsed) => new(
        InputFormats.Parse(parsed.GetValue(_format)),
        InputFormats.ParseDelimiter(parsed.GetValue(_delimiter)),
        parsed.GetValue(_columns),
        parsed.GetValue(_dims));
}
