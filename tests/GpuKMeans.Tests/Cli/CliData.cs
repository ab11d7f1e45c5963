using System.Globalization;
using System.Text;

namespace GpuKMeans.Tests.Cli;

/// <summary>Small CSV inputs for the CLI tests.</summary>
public static class CliData
{
    /// <summary>
    /// <paramref name="perBlob"/> points around each of three well-separated centres in 2-D, as CSV text, with an
    /// optional header. Rows cycle through the blobs, so blob <c>i % 3</c> holds row <c>i</c>.
    /// </summary>
    public static string ThreeBlobsCsv(int perBlob, bool header, int seed = 7)
    {
        double[][] centres = [[0, 0], [10, 10], [10, -10]];
        var random = new Random(seed);
        var text = new StringBuilder();
        if (header)
            text.Append("x,y\n");
        for (int i = 0; i < perBlob * 3; i++)
        {
            var c = centres[i % 3];
            double x = c[0] + random.NextDouble() - 0.5;
            double y = c[1] + random.NextDouble() - 0.5;
            text.Append(CultureInfo.InvariantCulture, $"{x:R},{y:R}\n");
        }
        return text.ToString();
    }

    /// <summary>The arguments of a fit of <paramref name="input"/> on the CPU with a fixed seed, plus <paramref name="extra"/>.</summary>
    public static string[] FitArgs(string input, int k, params string[] extra) =>
        ["fit", input, "--k", k.ToString(CultureInfo.InvariantCulture), "--seed", "0", "--backend", "cpu", .. extra];
}
