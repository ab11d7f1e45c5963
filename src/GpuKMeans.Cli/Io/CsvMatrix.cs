namespace GpuKMeans.Cli.Io;

/// <summary>A CSV file of numbers read by <see cref="CsvMatrixReader"/>.</summary>
/// <param name="Path">The path as the user gave it, for messages.</param>
/// <param name="Values">Row-major <c>Rows × Columns</c> values, all finite.</param>
/// <param name="Columns">Number of columns of every row.</param>
/// <param name="Header">The header row's cells, or <c>null</c> when the file has none.</param>
/// <param name="LineNumbers">The 1-based line of the file where each data row starts.</param>
internal sealed record CsvMatrix(string Path, float[] Values, int Columns, IReadOnlyList<string>? Header, int[] LineNumbers)
{
    /// <summary>Number of data rows (the header not counted).</summary>
    public int Rows => LineNumbers.Length;
}
