using System.Globalization;
using GpuKMeans.Cli.Output;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Writes labels and centroids, all or nothing (<see cref="AtomicFile"/>), as <c>.npy</c> when the name ends
/// in <c>.npy</c> (labels <c>&lt;i4</c> 1-D, centroids or points <c>&lt;f4</c> 2-D) and as CSV otherwise
/// (one label per line; one comma-separated row per centroid, floats that parse back exactly); matrices named
/// <c>.raw</c>, <c>.f32</c> or <c>.bin</c> are written as headerless little-endian float32.
/// </summary>
internal static class ResultFiles
{
    /// <summary>Whether <paramref name="path"/> is written as .npy.</summary>
    public static bool IsNpy(string path) => string.Equals(Path.GetExtension(path), ".npy", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes one label per point.</summary>
    public static void WriteLabels(string path, int[] labels)
    {
        if (IsNpy(path))
        {
            AtomicFile.WriteBinary(path, stream => NpyWriter.WriteInt32(stream, labels));
            return;
        }
        AtomicFile.Write(path, writer => WriteLabelLines(writer, labels));
    }

    /// <summary>Writes one label per line to <paramref name="writer"/>, as the CSV labels file holds them.</summary>
    public static void WriteLabelLines(TextWriter writer, int[] labels)
    {
        foreach (int label in labels)
            writer.WriteLine(NumberText.Integer(label));
    }

    /// <summary>Writes <paramref name="model"/> as the JSON of <see cref="KMeansModel.Save(Stream)"/>.</summary>
    public static void WriteModel(string path, KMeansModel model) => AtomicFile.WriteBinary(path, model.Save);

    /// <summary>Writes row-major <paramref name="values"/> (centroids or points) of <paramref name="columns"/> columns.</summary>
    public static void WriteMatrix(string path, float[] values, int columns)
    {
        if (IsNpy(path))
        {
            AtomicFile.WriteBinary(path, stream => NpyWriter.WriteFloat32(stream, values, columns));
            return;
        }
        if (InputFormats.FromExtension(path) == InputFormat.Raw)
        {
            AtomicFile.WriteBinary(path, stream => NpyWriter.WriteRawFloat32(stream, values));
            return;
        }
        AtomicFile.Write(path, writer => WriteCsv(writer, values, columns));
    }

    /// <summary>Writes row-major <paramref name="values"/> as CSV: one comma-separated row of <paramref name="columns"/> floats that parse back exactly.</summary>
    public static void WriteCsv(TextWriter writer, float[] values, int columns)
    {
        Span<char> text = stackalloc char[32];
        for (int start = 0; start < values.Length; start += columns)
        {
            for (int j = 0; j < columns; j++)
            {
                if (j > 0)
                    writer.Write(',');
                values[start + j].TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
                writer.Write(text[..length]);
            }
            writer.WriteLine();
        }
    }
}
