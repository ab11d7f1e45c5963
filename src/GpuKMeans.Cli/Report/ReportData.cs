namespace GpuKMeans.Cli.Report;

/// <summary>Everything the interactive HTML report (<see cref="HtmlReport"/>) shows.</summary>
/// <param name="Title">The page heading, e.g. "k-means of iris.csv, k = 3".</param>
/// <param name="Points">Row-major <c>n × d</c> points the history was recorded on (after any scaling).</param>
/// <param name="Dimensions">Number of features <c>d</c>.</param>
/// <param name="History">The recorded iterations (<see cref="KMeansResult.History"/>); at least one.</param>
/// <param name="TruthLabels">A known class per point (any integers), or null; adds the "Colour by true label" toggle.</param>
/// <param name="Elbow">(k, inertia) rows for the elbow chart, or null for none.</param>
/// <param name="DeviceDescription">The backend and device that fitted, e.g. "CPU (12 threads)".</param>
internal sealed record ReportData(
    string Title,
    float[] Points,
    int Dimensions,
    IReadOnlyList<KMeansIterationSnapshot> History,
    int[]? TruthLabels,
    IReadOnlyList<(int K, double Inertia)>? Elbow,
    string DeviceDescription);
