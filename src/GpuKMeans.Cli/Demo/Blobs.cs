namespace GpuKMeans.Cli.Demo;

/// <summary>
/// Isotropic Gaussian blobs, like scikit-learn's <c>make_blobs</c>: the points are split evenly between the
/// centres (the first <c>n mod c</c> centres get one more), drawn with the same standard deviation on every
/// axis and shuffled. Normals come from a seeded <see cref="Random"/> through the Box–Muller transform, so the
/// data is reproducible but not numerically equal to NumPy's.
/// </summary>
internal static class Blobs
{
    /// <summary>The centres of seed notebook 000: (1, 1), (−1, −1) and (1, −1).</summary>
    public static IReadOnlyList<double[]> NotebookCentres { get; } = [[1, 1], [-1, -1], [1, -1]];

    /// <summary>Draws <paramref name="count"/> points around <paramref name="centres"/>.</summary>
    /// <param name="count">Total number of points.</param>
    /// <param name="centres">The blob centres; all of the same length <c>d</c> ≥ 1.</param>
    /// <param name="standardDeviation">Standard deviation of every coordinate around its centre.</param>
    /// <param name="seed">Seed of the random numbers.</param>
    /// <param name="shuffle">Shuffle the rows (scikit-learn's default); otherwise blob 0's points come first.</param>
    /// <exception cref="ArgumentException">No centres, centres of different lengths, or a negative count or deviation.</exception>
    public static BlobData Generate(
        int count, IReadOnlyList<double[]> centres, double standardDeviation, int seed, bool shuffle = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(centres);
        if (centres.Count == 0)
            throw new ArgumentException("At least one centre is needed.", nameof(centres));
        int d = centres[0].Length;
        if (d == 0 || centres.Any(c => c.Length != d))
            throw new ArgumentException("Every centre needs the same number (≥ 1) of coordinates.", nameof(centres));
        if (!(standardDeviation >= 0) || double.IsInfinity(standardDeviation))
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "Must be finite and non-negative.");

        var random = new Random(seed);
        var normals = new double[count * d];
        FillStandardNormal(random, normals);
        var points = new float[count * d];
        var labels = new int[count];
        int row = 0;
        for (int c = 0; c < centres.Count; c++)
        {
            int inBlob = count / centres.Count + (c < count % centres.Count ? 1 : 0);
            for (int i = 0; i < inBlob; i++, row++)
            {
                labels[row] = c;
                for (int j = 0; j < d; j++)
                    points[row * d + j] = (float)(centres[c][j] + standardDeviation * normals[row * d + j]);
            }
        }

        if (shuffle)
            Shuffle(random, points, labels, d);
        return new BlobData(points, labels, d);
    }

    /// <summary>Fills <paramref name="destination"/> with standard normal numbers, two per Box–Muller step.</summary>
    private static void FillStandardNormal(Random random, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i += 2)
        {
            double u1 = 1.0 - random.NextDouble(); // in (0, 1]: the logarithm stays finite
            double u2 = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u1));
            double angle = 2.0 * Math.PI * u2;
            destination[i] = radius * Math.Cos(angle);
            if (i + 1 < destination.Length)
                destination[i + 1] = radius * Math.Sin(angle);
        }
    }

    /// <summary>Fisher–Yates shuffle of the rows, moving each row's label with it.</summary>
    private static void Shuffle(Random random, float[] points, int[] labels, int d)
    {
        for (int i = labels.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
            for (int k = 0; k < d; k++)
                (points[i * d + k], points[j * d + k]) = (points[j * d + k], points[i * d + k]);
        }
    }
}
