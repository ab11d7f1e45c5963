namespace GpuKMeans.Cli.Demo;

/// <summary>Points drawn by <see cref="Blobs.Generate"/>, with the blob each one came from.</summary>
/// <param name="Points">Row-major <c>n × d</c> coordinates.</param>
/// <param name="Labels">The index of the centre each point was drawn around, in row order.</param>
/// <param name="Dimensions">Number of coordinates <c>d</c> per point.</param>
internal sealed record BlobData(float[] Points, int[] Labels, int Dimensions)
{
    /// <summary>Number of points <c>n</c>.</summary>
    public int Count => Labels.Length;
}
