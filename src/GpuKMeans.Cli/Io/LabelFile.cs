namespace GpuKMeans.Cli.Io;

/// <summary>
/// Reads a labels file as <c>--labels</c> writes it: one integer per line, no header, or a 1-D integer <c>.npy</c>
/// array when the name ends in <c>.npy</c> (<see cref="NpyLabelReader"/>).
/// </summary>
internal static class LabelFile
{
    /// <summary>Reads exactly <paramref name="expectedCount"/> labels (blank lines ignored).</summary>
    /// <exception cref="CliUsageException">Missing file, a line that is not an integer (file:line), a .npy file that is not
    /// an integer vector, or the wrong count.</exception>
    public static int[] Read(string option, string path, int expectedCount)
    {
        if (!File.Exists(path))
            throw new CliUsageException($"{option}: file not found: {path}");
        IReadOnlyList<int> labels = ResultFiles.IsNpy(path) ? NpyLabelReader.Read(option, path) : ReadText(path, expectedCount);
        if (labels.Count != expectedCount)
            throw new CliUsageException($"{option}: {path} has {labels.Count} labels but the input has {expectedCount} rows");
        return [.. labels];
    }

    private static List<int> ReadText(string path, int expectedCount)
    {
        var labels = new List<int>(expectedCount);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            string text = line.Trim();
            if (text.Length == 0)
                continue;
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int label))
                throw new CliUsageException($"{path}:{lineNumber}:1: '{text}' is not an integer label");
            labels.Add(label);
        }
        return labels;
    }
}
