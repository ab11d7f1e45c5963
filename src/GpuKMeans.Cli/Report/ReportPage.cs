using System.Net;

namespace GpuKMeans.Cli.Report;

/// <summary>
/// The HTML skeleton and inline CSS of the report. Nothing is loaded from anywhere: the Content-Security-Policy
/// forbids every fetch, and the fonts are the system's.
/// </summary>
internal static class ReportPage
{
    /// <summary>The markup before the JSON data block.</summary>
    public static string Head(ReportData data, int k, int iterations, int shownPoints, int totalPoints)
    {
        string title = WebUtility.HtmlEncode(data.Title);
        string device = WebUtility.HtmlEncode(data.DeviceDescription);
        string projection = data.Dimensions > 2
            ? $"PCA projection of {data.Dimensions} features; the shaded regions (nearest projected centroid) only approximate the assignment"
            : data.Dimensions == 2 ? "the two features as they are" : "one feature (drawn against 0)";
        string sample = shownPoints < totalPoints
            ? $"showing {shownPoints:N0} of {totalPoints:N0} points (evenly spaced subsample)"
            : $"{totalPoints:N0} points";
        string truth = data.TruthLabels is null ? "" :
            """<label class="toggle"><input id="truth" type="checkbox"> Colour by true label</label>""";
        string elbow = data.Elbow is { Count: > 0 }
            ? """<h2>Elbow method</h2><canvas id="elbow" width="760" height="340" role="img" aria-label="Inertia against the number of clusters"></canvas>"""
            : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
            <title>{{title}}</title>
            <style>
            {{Css}}
            </style>
            </head>
            <body>
            <main>
            <h1>{{title}}</h1>
            <p class="meta">k = {{k}} · {{iterations}} recorded iteration{{(iterations == 1 ? "" : "s")}} · {{sample}} · {{device}}</p>
            <div class="controls">
            <button id="play" type="button" aria-pressed="false">Play</button>
            <input id="slider" type="range" min="1" max="{{iterations}}" step="1" value="{{iterations}}" aria-label="Iteration">
            <span id="iteration-label" aria-live="polite">iteration {{iterations}} / {{iterations}}</span>
            <label class="toggle"><input id="boundaries" type="checkbox" checked> Show decision boundaries</label>
            {{truth}}
            </div>
            <p id="iteration-info" class="meta"></p>
            <canvas id="scatter" width="760" height="560" role="img" aria-label="Points coloured by cluster, centroids as red X"></canvas>
            <p class="note">View: {{projection}}. Red X: the centroids the iteration assigned points to.</p>
            {{elbow}}
            </main>

            """;
    }

    /// <summary>The markup after the scripts.</summary>
    public const string Tail = "\n</body>\n</html>\n";

    private const string Css = """
        :root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d8dce3; --accent: #1f77b4; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f5f6f8; color: var(--ink);
               font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        main { max-width: 820px; margin: 0 auto; padding: 20px 24px 40px; background: #fff; min-height: 100vh;
               box-shadow: 0 0 0 1px var(--line); }
        h1 { font-size: 1.45rem; margin: 0 0 4px; }
        h2 { font-size: 1.1rem; margin: 28px 0 8px; }
        .meta { color: var(--muted); margin: 0 0 12px; font-size: 0.9rem; }
        .note { color: var(--muted); font-size: 0.85rem; margin: 6px 0 0; }
        .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px; padding: 10px 12px;
                    border: 1px solid var(--line); border-radius: 8px; background: #fafbfc; margin-bottom: 6px; }
        #play { min-width: 76px; padding: 6px 14px; border: 1px solid var(--accent); border-radius: 6px;
                background: var(--accent); color: #fff; font: inherit; cursor: pointer; }
        #play[aria-pressed="true"] { background: #fff; color: var(--accent); }
        #slider { flex: 1 1 200px; accent-color: var(--accent); }
        #iteration-label { font-variant-numeric: tabular-nums; min-width: 118px; }
        .toggle { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; user-select: none; }
        canvas { display: block; width: 100%; max-width: 760px; height: auto; border: 1px solid var(--line);
                 border-radius: 6px; background: #fff; }
        """;
}
