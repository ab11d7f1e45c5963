namespace GpuKMeans.Cli.Io;

/// <summary>A file of points read by <see cref="PointReader"/>: row-major float32 values, all finite.</summary>
/// <param name="Path">The path as the user gave it, for messages.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Values">Row-major <c>Rows × Columns</c> values.</param>
/// <param name="Columns">Number of values per point (after <c>--columns</c>).</param>
/// <param name="Header">The names of the selected columns from a CSV header row, or <c>null</c> when there is none.</param>
/// <param name="FirstRowLocation">Where the first point is, for messages: <c>file.csv:2</c>, or the path for binary files.</param>
/// <param name="InPlaceRows">For a file left on disk and read in chunks by the fit (<see cref="PointReader.OpenInPlace"/>): its
/// row count, with <paramref name="Values"/> empty; null when the values were read.</param>
internal sealed record PointMatrix(
    string Path, InputFormat Format, float[] Values, int Columns, IReadOnlyList<string>? Header, string FirstRowLocation, int? InPlaceRows = null)
{
    /// <summary>Number of points (the header not counted).</summary>
    public int Rows => InPlaceRows ?? Values.Length / Columns;
}
