using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// The one way every subcommand reads points: CSV, .npy, raw float32, Parquet or Arrow IPC, chosen by <c>--format</c> or the file's
/// extension. Files over <see cref="ProgressThreshold"/> bytes get a progress bar on a terminal.
/// </summary>
internal static class PointReader
{
    /// <summary>Files larger than this (50 MB) are read under a progress bar when the console shows one.</summary>
    public const long ProgressThreshold = 50_000_000;

    /// <summary>Reads the points of <paramref name="path"/> as <paramref name="options"/> say.</summary>
    /// <exception cref="CliUsageException">A missing or unreadable file, options that do not fit its format, or bad content;
    /// the message names the file and where.</exception>
    public static PointMatrix Read(string path, InputOptions options, CliConsole? console = null)
    {
        var format = options.Format ?? InputFormats.FromExtension(path);
        CheckOptions(format, options);
        if (Directory.Exists(path))
            throw new CliUsageException($"{path} is a directory, expected a file of points");
        if (!File.Exists(path))
            throw new CliUsageException($"file not found: {path}");
        try
        {
            long length = new FileInfo(path).Length;
            if (console is null || length <= ProgressThreshold)
                return ReadFormat(path, format, options, null);
            return console.WithProgress($"Reading {Path.GetFileName(path)}", length,
                report => ReadFormat(path, format, options, bytes => report(bytes)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the file: {e.Message}");
        }
    }

    /// <summary>
    /// For a float32 <c>.npy</c> or raw file, its shape (values left on disk) and the byte offset of its data, so a fit can
    /// read it in place chunk by chunk with bounded memory; null for CSV, Parquet, Arrow and float64 files, which are read whole.
    /// </summary>
    /// <exception cref="CliUsageException">As <see cref="Read"/>, for the header and the length.</exception>
    public static (PointMatrix Shape, long Offset)? OpenInPlace(string path, InputOptions options)
    {
        var format = options.Format ?? InputFormats.FromExtension(path);
        CheckOptions(format, options);
        if (format is not (InputFormat.Npy or InputFormat.Raw) || Directory.Exists(path) || !File.Exists(path))
            return null;   // CSV, Parquet and Arrow are read whole; Read reports a missing file or a directory
        try
        {
            return format == InputFormat.Npy ? NpyReader.OpenInPlace(path) : (RawReader.OpenInPlace(path, options.Dimensions!.Value), 0L);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{path}: cannot read the file: {e.Message}");
        }
    }

    private static PointMatrix ReadFormat(string path, InputFormat format, InputOptions options, Action<long>? reportBytes) => format switch
    {
        InputFormat.Npy => NpyReader.Read(path, reportBytes),
        InputFormat.Raw => RawReader.Read(path, options.Dimensions!.Value, reportBytes),
        InputFormat.Parquet => ParquetPointReader.Read(path, Selection(options), reportBytes),
        InputFormat.Arrow => ArrowPointReader.Read(path, Selection(options), reportBytes),
        _ => CsvPointReader.Read(path, options.Delimiter ?? InputFormats.DefaultDelimiter(path), Selection(options), reportBytes),
    };

    private static ColumnSelection? Selection(InputOptions options) =>
        options.Columns is { } columns ? ColumnSelection.Parse(columns) : null;

    /// <summary>Whether <paramref name="format"/> has columns that <c>--columns</c> can pick by index or name.</summary>
    private static bool HasColumns(InputFormat format) => format is InputFormat.Csv or InputFormat.Parquet or InputFormat.Arrow;

    private static void CheckOptions(InputFormat format, InputOptions options)
    {
        string name = format.ToString().ToLowerInvariant();
        if (format != InputFormat.Csv && options.Delimiter is not null)
            throw new CliUsageException($"--delimiter applies to CSV input only, not {name}");
        if (!HasColumns(format) && options.Columns is not null)
            throw new CliUsageException($"--columns applies to CSV, Parquet and Arrow input only, not {name}");
        if (format == InputFormat.Raw && options.Dimensions is null)
            throw new CliUsageException("--dims is required for raw float32 input: the file has no header to say how many values make a point");
        if (format != InputFormat.Raw && options.Dimensions is not null)
            throw new CliUsageException($"--dims applies to raw input only: {name} files say their own width");
        if (options.Dimensions is < 1)
            throw new CliUsageException($"--dims must be at least 1, got {options.Dimensions}");
        if (options.Columns is { } columns)
            ColumnSelection.Parse(columns); // report a malformed list before reading anything
    }
}
