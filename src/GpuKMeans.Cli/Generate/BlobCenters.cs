using System.Globalization;

namespace GpuKMeans.Cli.Generate;

/// <summary>
/// The value of <c>--centers</c>: a count (centres drawn uniformly in [−10, 10] on every axis, as scikit-learn's
/// <c>make_blobs</c> does) or the centres themselves, <c>"x1,y1;x2,y2;…"</c>.
/// </summary>
internal static class BlobCenters
{
    /// <summary>The box random centres are drawn in, on every axis (scikit-learn's <c>center_box</c>).</summary>
    public const double BoxLow = -10, BoxHigh = 10;

    /// <summary>The centres <paramref name="text"/> describes, in <paramref name="dimensions"/> dimensions when it is a count.</summary>
    /// <exception cref="CliUsageException">Not a positive count nor a list of equally long rows of numbers, or a clash with <c>--dims</c>.</exception>
    public static IReadOnlyList<double[]> Parse(string text, int? dimensions, int seed)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            if (count < 1)
                throw new CliUsageException($"--centers must be at least 1, got {count}");
            int d = dimensions ?? 2;
            if (d < 1)
                throw new CliUsageException($"--dims must be at least 1, got {d}");
            var random = new Random(seed);
            return [.. Enumerable.Range(0, count).Select(_ =>
                Enumerable.Range(0, d).Select(_ => BoxLow + (BoxHigh - BoxLow) * random.NextDouble()).ToArray())];
        }

        var centres = new List<double[]>();
        foreach (string row in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var values = new List<double>();
            foreach (string cell in row.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                    throw new CliUsageException(
                        $"--centers '{text}': '{cell}' is not a finite number (expected a count, or centres such as \"0,0;5,5\")");
                if (!float.IsFinite((float)value))
                    throw new CliUsageException(
                        $"--centers '{text}': '{cell}' is too large for a 32-bit float (the points are written as float32)");
                values.Add(value);
            }
            centres.Add([.. values]);
        }
        if (centres.Count == 0)
            throw new CliUsageException($"--centers '{text}': expected a count, or centres such as \"0,0;5,5\"");
        int width = centres[0].Length;
        if (centres.Exists(c => c.Length != width))
            throw new CliUsageException($"--centers '{text}': every centre needs the same number of coordinates");
        if (dimensions is { } given && given != width)
            throw new CliUsageException($"--dims {given} does not match the {width} coordinates of each --centers centre");
        return centres;
    }
}
