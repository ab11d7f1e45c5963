using System.Globalization;
using ScottPlot;

namespace GpuKMeans.Cli.Plots;

/// <summary>
/// The notebook's result picture as a PNG: points coloured by cluster, centroids as large red X, and the
/// nearest-centroid regions shaded. Data with more than two features is shown in its PCA projection, where the
/// shaded regions (nearest <em>projected</em> centroid) only approximate the real assignment.
/// </summary>
internal static class ClusterPlot
{
    /// <summary>At most this many points are drawn (a deterministic, evenly spaced subsample).</summary>
    public const int MaxDrawnPoints = 50_000;

    /// <summary>Width of the PNG in pixels.</summary>
    public const int Width = 900;

    /// <summary>Height of the PNG in pixels.</summary>
    public const int Height = 650;

    /// <summary>Writes the picture of a clustering to <paramref name="path"/> (PNG).</summary>
    /// <param name="path">The PNG file to write; its folder must exist.</param>
    /// <param name="points">Row-major <c>n × d</c> points.</param>
    /// <param name="dims">Number of features <c>d</c>.</param>
    /// <param name="labels">The cluster of every point, in <c>[0, k)</c>.</param>
    /// <param name="centroids">Row-major <c>k × d</c> centroids.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="title">The plot title; " (PCA projection)" is appended when <c>d &gt; 2</c>.</param>
    /// <param name="shadeRegions">Whether to shade the nearest-centroid regions.</param>
    /// <param name="space">The features' names and scaling (points and centroids are in fitted units); <c>null</c> for
    /// unscaled <c>x0 … x{d−1}</c>.</param>
    /// <exception cref="ArgumentException">The shapes of points, labels and centroids disagree, or a label is out of range.</exception>
    public static void Save(
        string path, ReadOnlySpan<float> points, int dims, ReadOnlySpan<int> labels,
        ReadOnlySpan<float> centroids, int k, string title, bool shadeRegions = true, FeatureSpace? space = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Build(points, dims, labels, centroids, k, title, shadeRegions, space).SavePng(path, Width, Height);
    }

    /// <summary>The picture <see cref="Save"/> writes, as a ScottPlot <see cref="Plot"/> (for inspection).</summary>
    /// <exception cref="ArgumentException">The shapes of points, labels and centroids disagree, or a label is out of range.</exception>
    public static Plot Build(
        ReadOnlySpan<float> points, int dims, ReadOnlySpan<int> labels,
        ReadOnlySpan<float> centroids, int k, string title, bool shadeRegions = true, FeatureSpace? space = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dims);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (points.Length % dims != 0 || points.Length / dims != labels.Length)
            throw new ArgumentException($"{points.Length} values in rows of {dims} do not match {labels.Length} labels.", nameof(labels));
        if (centroids.Length != k * dims)
            throw new ArgumentException($"Expected {k} × {dims} = {k * dims} centroid values, got {centroids.Length}.", nameof(centroids));

        var sizes = new int[k];
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)k)
                throw new ArgumentException($"Label {labels[i]} of row {i} is not in [0, {k}).", nameof(labels));
            sizes[labels[i]]++;
        }

        var projection = Projection2D.Fit(points, dims, space);
        int n = labels.Length;
        int[] drawn = ClusterPalette.Subsample(n, MaxDrawnPoints);
        var drawnXY = projection.Project(Gather(points, dims, drawn));
        var drawnLabels = new int[drawn.Length];
        for (int s = 0; s < drawn.Length; s++)
            drawnLabels[s] = labels[drawn[s]];
        var centroidsXY = projection.Project(centroids);

        var plot = new Plot();
        var bounds = ClusterScene.Bounds(drawnXY);
        ClusterScene.Draw(plot, projection, drawnXY, drawnLabels, centroidsXY, bounds, shadeRegions, MarkerSize(drawn.Length), k <= 12 ? sizes : null);
        plot.Title(FullTitle(title, projection, n, dims, k, drawn.Length, shadeRegions));
        plot.XLabel(projection.AxisLabel(0));
        plot.YLabel(projection.AxisLabel(1));
        if (k <= 12)
            plot.ShowLegend(Edge.Right); // outside the data area: it never hides a point
        PlotFont.Apply(plot);
        return plot;
    }

    /// <summary>A point marker size that keeps dense plots readable.</summary>
    internal static float MarkerSize(int drawnPoints) => drawnPoints switch
    {
        <= 2_000 => 6,
        <= 10_000 => 4,
        _ => 2.5f,
    };

    /// <summary>The rows at <paramref name="indices"/>, row-major.</summary>
    internal static float[] Gather(ReadOnlySpan<float> points, int dims, int[] indices)
    {
        var rows = new float[indices.Length * dims];
        for (int s = 0; s < indices.Length; s++)
            points.Slice(indices[s] * dims, dims).CopyTo(rows.AsSpan(s * dims, dims));
        return rows;
    }

    /// <summary>The title, with the projection named, and one or two more lines that say what is shown.</summary>
    private static string FullTitle(string title, Projection2D projection, int n, int dims, int k, int drawn, bool shadeRegions)
    {
        var text = new System.Text.StringBuilder(projection.IsPca ? $"{title} (PCA projection)" : title);
        text.Append(CultureInfo.InvariantCulture, $"\nn = {n:N0}");
        if (drawn < n)
            text.Append(CultureInfo.InvariantCulture, $" ({drawn:N0} drawn, evenly spaced)");
        text.Append(CultureInfo.InvariantCulture, $", d = {dims}, k = {k}");
        if (shadeRegions && projection.IsPca)
            text.Append("\nshading: nearest projected centroid (approximate)");
        else if (shadeRegions && projection.RegionWeights != (1.0, 1.0))
            text.Append("\nshading: nearest centroid in the scaled units the fit used");
        return text.ToString();
    }
}
