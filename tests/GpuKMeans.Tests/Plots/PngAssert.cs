using SkiaSharp;
using Xunit;

namespace GpuKMeans.Tests.Plots;

/// <summary>Checks that a file is a real, non-blank PNG picture.</summary>
internal static class PngAssert
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Asserts the PNG signature, a sane file and pixel size, at least <paramref name="minColours"/> distinct
    /// (coarsely quantised) colours, and, when <paramref name="expectRed"/>, some centroid-red pixels.
    /// </summary>
    /// <returns>The decoded bitmap (caller disposes).</returns>
    public static SKBitmap IsPicture(string path, int minWidth = 300, int minHeight = 200, int minColours = 5, bool expectRed = true)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 2_000 && bytes.Length < 20_000_000, $"unexpected PNG size {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);

        var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.InRange(bitmap.Width, minWidth, 10_000);
        Assert.InRange(bitmap.Height, minHeight, 10_000);

        var colours = new HashSet<int>();
        int red = 0;
        foreach (SKColor c in bitmap.Pixels)
        {
            colours.Add((c.Red >> 4) << 8 | (c.Green >> 4) << 4 | c.Blue >> 4);
            if (c.Red > 200 && c.Green < 60 && c.Blue < 60)
                red++;
        }
        Assert.True(colours.Count >= minColours, $"only {colours.Count} distinct colours: blank picture?");
        if (expectRed)
            Assert.True(red >= 40, $"only {red} red (centroid) pixels");
        return bitmap;
    }

    /// <summary>Counts pixels within <paramref name="tolerance"/> per channel of <paramref name="hex"/> (every pixel).</summary>
    public static int CountNear(SKBitmap bitmap, string hex, int tolerance = 24)
    {
        var target = SKColor.Parse(hex);
        int count = 0;
        foreach (SKColor c in bitmap.Pixels)
            if (Math.Abs(c.Red - target.Red) <= tolerance && Math.Abs(c.Green - target.Green) <= tolerance && Math.Abs(c.Blue - target.Blue) <= tolerance)
                count++;
        return count;
    }
}
