using System.Text;

namespace GpuKMeans.Cli.Report;

/// <summary>
/// Writes the interactive report of a fit as one self-contained HTML file, the notebook's ipywidgets view without
/// Python: the (projected) scatter coloured by the labels of the chosen iteration with its centroids as red X, a
/// Play/Pause button, previous/next step buttons, a speed choice and a slider over the recorded iterations, a "Show
/// decision boundaries" toggle (nearest-centroid regions as exact polygons), a "Colour by true label" toggle when
/// true labels are given, the inertia of every iteration when given, and the elbow chart when elbow rows are given.
/// Plots of one or two features are in their original units (<see cref="ReportData.Space"/>), and at equal aspect
/// where both axes share a unit. No network access: data, CSS and script are inline. The page opens at
/// the last iteration; Play from there starts over at the first.
/// </summary>
/// <remarks>
/// For tests, the page exposes <c>window.kmeansReport.state()</c>: <c>{ iteration, index, iterations, playing,
/// timerPending, intervalMs, boundaries, truth, pointsDrawn, regionsDrawn, elbowPointsDrawn, inertiaPointsDrawn,
/// unitsPerPixel: [x, y], legendOutside }</c> after the latest drawing.
/// </remarks>
internal static class HtmlReport
{
    /// <summary>Writes the report of <paramref name="data"/> to <paramref name="path"/> (UTF-8 HTML).</summary>
    /// <exception cref="ArgumentException">The history is empty, or the shapes of points, labels, centroids or
    /// true labels disagree.</exception>
    public static void Write(string path, ReportData data)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(data);
        int k = Validate(data);
        int n = data.Points.Length / data.Dimensions;
        var projection = Plots.Projection2D.Fit(data.Points, data.Dimensions, data.Space);

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using (var writer = new StreamWriter(file, utf8, leaveOpen: true))
        {
            writer.Write(ReportPage.Head(data, k, data.History.Count, Math.Min(n, ReportJson.MaxPoints), n, projection.Description));
            writer.Write("<script type=\"application/json\" id=\"kmeans-data\">");
        }
        ReportJson.Write(file, data, k, projection);
        using (var writer = new StreamWriter(file, utf8, leaveOpen: true))
        {
            writer.Write("</script>\n<script>\n");
            writer.Write(ReportScript.Source);
            writer.Write("\n</script>");
            writer.Write(ReportPage.Tail);
        }
    }

    /// <summary>Checks the shapes and returns the cluster count <c>k</c>.</summary>
    private static int Validate(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data.Points);
        ArgumentNullException.ThrowIfNull(data.History);
        int d = data.Dimensions;
        if (d <= 0)
            throw new ArgumentException($"Dimensions must be positive, got {d}.", nameof(data));
        if (data.Points.Length == 0 || data.Points.Length % d != 0)
            throw new ArgumentException($"{data.Points.Length} values do not make rows of {d}.", nameof(data));
        if (data.History.Count == 0)
            throw new ArgumentException("The history is empty: fit with KMeansOptions.RecordHistory = true.", nameof(data));
        int n = data.Points.Length / d;
        int k = data.History[0].Centroids.Length / d;
        foreach (var snapshot in data.History)
        {
            if (snapshot.Centroids.Length != k * d || k == 0)
                throw new ArgumentException($"Iteration {snapshot.Iteration} has {snapshot.Centroids.Length} centroid values, expected {k} × {d}.", nameof(data));
            if (snapshot.Labels.Length != n)
                throw new ArgumentException($"Iteration {snapshot.Iteration} has {snapshot.Labels.Length} labels for {n} points.", nameof(data));
            foreach (int label in snapshot.Labels)
                if ((uint)label >= (uint)k)
                    throw new ArgumentException($"Iteration {snapshot.Iteration} has label {label}, not in [0, {k}).", nameof(data));
        }
        if (data.Inertia is { } inertia && inertia.Count != data.History.Count)
            throw new ArgumentException($"{inertia.Count} inertia values for {data.History.Count} iterations.", nameof(data));
        if (data.TruthLabels is { } truth && truth.Length != n)
            throw new ArgumentException($"{truth.Length} true labels for {n} points.", nameof(data));
        foreach (float v in data.Points)
            if (!float.IsFinite(v))
                throw new ArgumentException("The points contain NaN or infinity.", nameof(data));
        return k;
    }
}
