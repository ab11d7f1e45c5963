namespace GpuKMeans.Cli.Io;

/// <summary>Names of the input formats and delimiters, as the options spell them.</summary>
internal static class InputFormats
{
    /// <summary>The <c>--format</c> values.</summary>
    public static readonly string[] Names = ["csv", "npy", "raw", "parquet", "arrow"];

    /// <summary>
    /// The format of <paramref name="path"/> by its extension: <c>.npy</c>, <c>.raw</c>/<c>.f32</c>/<c>.bin</c>,
    /// <c>.parquet</c>/<c>.pq</c>, <c>.arrow</c>/<c>.arrows</c>/<c>.feather</c>/<c>.ipc</c>, else CSV.
    /// </summary>
    public static InputFormat FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".npy" => InputFormat.Npy,
        ".raw" or ".f32" or ".bin" => InputFormat.Raw,
        ".parquet" or ".pq" => InputFormat.Parquet,
        ".arrow" or ".arrows" or ".feather" or ".ipc" => InputFormat.Arrow,
        _ => InputFormat.Csv,
    };

    /// <summary>Maps a <c>--format</c> value (any case) to the enum; <c>null</c> stays <c>null</c> (by extension).</summary>
    /// <exception cref="CliUsageException">The value is not one of <see cref="Names"/>.</exception>
    public static InputFormat? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "csv" => InputFormat.Csv,
        "npy" => InputFormat.Npy,
        "raw" => InputFormat.Raw,
        "parquet" => InputFormat.Parquet,
        "arrow" => InputFormat.Arrow,
        _ => throw new CliUsageException($"--format: '{value}' is not one of {string.Join(", ", Names)}"),
    };

    /// <summary>
    /// Maps a <c>--delimiter</c> value to its character: one ASCII character, or <c>\t</c>, <c>tab</c>,
    /// <c>space</c>, <c>comma</c>, <c>semicolon</c>, <c>pipe</c>.
    /// </summary>
    /// <exception cref="CliUsageException">The value is none of those, or a quote or line break.</exception>
    public static char? ParseDelimiter(string? value)
    {
        if (value is null)
            return null;
        char c = value.ToLowerInvariant() switch
        {
            "\\t" or "tab" => '\t',
            "space" => ' ',
            "comma" => ',',
            "semicolon" => ';',
            "pipe" => '|',
            _ when value.Length == 1 => value[0],
            _ => throw new CliUsageException(
                $"--delimiter: '{value}' is not one character (or \\t, tab, space, comma, semicolon, pipe)"),
        };
        if (c > 127 || c is '"' or '\r' or '\n' || char.IsDigit(c) || c is '.' or '-' or '+')
            throw new CliUsageException($"--delimiter: '{value}' cannot separate numbers: use an ASCII character that is not a digit, sign, point, quote or line break");
        return c;
    }

    /// <summary>The extension-based default separator of a CSV file: tab for <c>.tsv</c>/<c>.tab</c>, else comma.</summary>
    public static char DefaultDelimiter(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".tsv" or ".tab" ? '\t' : ',';
}
