using System.Text.Json;
using GpuKMeans.Cli.Plots;

namespace GpuKMeans.Cli.Report;

/// <summary>
/// The data block of the HTML report, as JSON: the projected (and, past <see cref="MaxPoints"/>, subsampled)
/// points quantised to integers in <c>[0, scale]</c> over <c>bounds</c>; every iteration's projected centroids in
/// the same units; the first iteration's labels in full and later ones as (index, label) changes; the optional true
/// labels (their colours matched to the clusters they mostly fall in) and elbow rows.
/// </summary>
internal static class ReportJson
{
    /// <summary>At most this many points go into the page (a deterministic, evenly spaced subsample).</summary>
    public const int MaxPoints = 20_000;

    /// <summary>Quantisation steps across the drawing area.</summary>
    private const int Scale = 10_000;

    /// <summary>Writes the JSON of <paramref name="data"/> (validated by the caller) to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, ReportData data, int k, Projection2D projection)
    {
        int d = data.Dimensions;
        int n = data.Points.Length / d;
        int[] shown = ClusterPalette.Subsample(n, MaxPoints);
        float[] xy = projection.Project(ClusterPlot.Gather(data.Points, d, shown));
        var centroidsXY = data.History.Select(s => projection.Project(s.Centroids.AsSpan())).ToArray();
        var bounds = ClusterScene.Bounds([.. xy, .. centroidsXY.SelectMany(c => c)]);

        using var json = new Utf8JsonWriter(stream); // the default encoder escapes '<', so "</script>" cannot occur
        json.WriteStartObject();
        json.WriteString("title", data.Title);
        json.WriteString("device", data.DeviceDescription);
        json.WriteNumber("n", n);
        json.WriteNumber("dims", d);
        json.WriteNumber("k", k);
        json.WriteBoolean("isPca", projection.IsPca);
        json.WriteString("xLabel", projection.AxisLabel(0));
        json.WriteString("yLabel", projection.AxisLabel(1));
        json.WriteBoolean("equalAspect", projection.SharesUnits);
        var (weightX, weightY) = projection.RegionWeights;
        WriteArray(json, "weights", [weightX, weightY]); // the fit's metric in drawn units: wx·Δx² + wy·Δy²
        json.WriteNumber("scale", Scale);
        WriteArray(json, "bounds", [bounds.Left, bounds.Right, bounds.Bottom, bounds.Top]);
        WriteInts(json, "x", Quantise(xy, 0, bounds.Left, bounds.Right));
        WriteInts(json, "y", Quantise(xy, 1, bounds.Bottom, bounds.Top));
        WriteInts(json, "iterations", [.. data.History.Select(s => s.Iteration)]);

        json.WriteStartArray("centroids"); // in the same quantised units as the points, to 0.01
        foreach (var c in centroidsXY)
        {
            json.WriteStartArray();
            for (int j = 0; j < c.Length; j++)
            {
                var (min, max) = j % 2 == 0 ? (bounds.Left, bounds.Right) : (bounds.Bottom, bounds.Top);
                json.WriteNumberValue(Math.Round((c[j] - min) / (max - min) * Scale, 2));
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();

        int[] previous = [.. shown.Select(i => data.History[0].Labels[i])];
        WriteInts(json, "labels0", previous);
        json.WriteStartArray("changes");
        foreach (var snapshot in data.History.Skip(1))
        {
            json.WriteStartArray();
            for (int s = 0; s < shown.Length; s++)
            {
                int label = snapshot.Labels[shown[s]];
                if (label == previous[s])
                    continue;
                json.WriteNumberValue(s);
                json.WriteNumberValue(label);
                previous[s] = label;
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();

        if (data.Inertia is { } perIteration)
            WriteArray(json, "inertia", perIteration.Select(v => double.IsFinite(v) ? v : 0));
        else
            json.WriteNull("inertia");
        json.WriteString("inertiaUnits", data.Space?.ScaleName is { } scale ? $"{scale}-scaled units" : "");

        int colours = k;
        if (data.TruthLabels is { } truth)
        {
            var (classes, colourOf) = MatchTruthColours(truth, data.History[^1].Labels, k);
            colours = Math.Max(colours, colourOf.Max() + 1);
            var truthIndex = classes.Select((value, index) => (value, index)).ToDictionary(p => p.value, p => p.index);
            WriteInts(json, "truth", [.. shown.Select(i => truthIndex[truth[i]])]);
            WriteInts(json, "truthClasses", classes);
            WriteInts(json, "truthColours", colourOf);
        }
        else
        {
            json.WriteNull("truth");
        }

        json.WriteStartArray("colours");
        foreach (string hex in ClusterPalette.HexList(colours))
            json.WriteStringValue(hex);
        json.WriteEndArray();

        if (data.Elbow is { Count: > 0 } elbow)
        {
            json.WriteStartArray("elbow");
            foreach (var (rowK, inertia) in elbow.OrderBy(r => r.K))
            {
                json.WriteStartArray();
                json.WriteNumberValue(rowK);
                json.WriteNumberValue(inertia);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("elbow");
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// The distinct true classes (sorted) and a colour index for each: greedily, the (class, cluster) pair sharing
    /// the most points gets that cluster's colour, so matching clusters and classes look alike; the rest get
    /// colours after the clusters'.
    /// </summary>
    internal static (int[] Classes, int[] ColourOf) MatchTruthColours(int[] truth, IReadOnlyList<int> finalLabels, int k)
    {
        int[] classes = [.. truth.Distinct().Order()];
        var index = classes.Select((value, i) => (value, i)).ToDictionary(p => p.value, p => p.i);
        var counts = new long[classes.Length, k];
        for (int i = 0; i < truth.Length; i++)
            counts[index[truth[i]], finalLabels[i]]++;

        var colourOf = Enumerable.Repeat(-1, classes.Length).ToArray();
        var clusterUsed = new bool[k];
        for (int round = 0; round < Math.Min(classes.Length, k); round++)
        {
            (int bestClass, int bestCluster, long best) = (-1, -1, 0);
            for (int t = 0; t < classes.Length; t++)
                for (int c = 0; c < k; c++)
                    if (colourOf[t] < 0 && !clusterUsed[c] && counts[t, c] > best)
                        (bestClass, bestCluster, best) = (t, c, counts[t, c]);
            if (bestClass < 0)
                break;
            colourOf[bestClass] = bestCluster;
            clusterUsed[bestCluster] = true;
        }
        int next = k;
        for (int t = 0; t < classes.Length; t++)
        {
            if (colourOf[t] >= 0)
                continue;
            int free = Array.IndexOf(clusterUsed, false);
            if (free >= 0)
                clusterUsed[free] = true;
            colourOf[t] = free >= 0 ? free : next++;
        }
        return (classes, colourOf);
    }

    private static int[] Quantise(float[] xy, int axis, double min, double max)
    {
        var q = new int[xy.Length / 2];
        double span = max - min;
        for (int i = 0; i < q.Length; i++)
            q[i] = (int)Math.Round((xy[2 * i + axis] - min) / span * Scale);
        return q;
    }

    private static void WriteInts(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (int v in values)
            json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
            json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
