using System.Net;

namespace GpuKMeans.Cli.Report;

/// <summary>
/// The HTML skeleton and inline CSS of the report. Nothing is loaded from anywhere: the Content-Security-Policy
/// forbids every fetch, and the fonts are the system's.
/// </summary>
internal static class ReportPage
{
    /// <summary>The markup before the JSON data block.</summary>
    /// <param name="data">The report's data.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="iterations">Number of recorded iterations.</param>
    /// <param name="shownPoints">Points drawn.</param>
    /// <param name="totalPoints">Points fitted.</param>
    /// <param name="view">What the scatter shows (<see cref="Plots.Projection2D.Description"/>).</param>
    public static string Head(ReportData data, int k, int iterations, int shownPoints, int totalPoints, string view)
    {
        string title = WebUtility.HtmlEncode(data.Title);
        string device = WebUtility.HtmlEncode(data.DeviceDescription);
        string projection = WebUtility.HtmlEncode(view);
        string sample = shownPoints < totalPoints
            ? $"showing {shownPoints:N0} of {totalPoints:N0} points (evenly spaced subsample)"
            : $"{totalPoints:N0} points";
        string truth = data.TruthLabels is null ? "" :
            """<label class="toggle"><input id="truth" type="checkbox"> Colour by true label</label>""";
        string inertia = data.Inertia is null ? "" :
            """<h2>Inertia per iteration</h2><canvas id="inertia" width="760" height="260" role="img" aria-label="Inertia of every iteration"></canvas>""";
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
            <button id="prev" type="button" class="step" aria-label="Previous iteration">&#9664; Previous</button>
            <button id="next" type="button" class="step" aria-label="Next iteration">Next &#9654;</button>
            <label class="toggle">Speed <select id="speed" aria-label="Playback speed">
            <option value="1400">0.5&#215;</option><option value="700" selected>1&#215;</option><option value="350">2&#215;</option><option value="175">4&#215;</option>
            </select></label>
            <input id="slider" type="range" min="1" max="{{iterations}}" step="1" value="{{iterations}}" aria-label="Iteration">
            <span id="iteration-label" aria-live="polite">iteration {{iterations}} / {{iterations}}</span>
            <label class="toggle"><input id="boundaries" type="checkbox" checked> Show decision boundaries</label>
            {{truth}}
            </div>
            <p id="iteration-info" class="meta"></p>
            <canvas id="scatter" width="760" height="560" role="img" aria-label="Points coloured by cluster, centroids as red X"></canvas>
            <p class="note">View: {{projection}}. Red X: the centroids the iteration assigned points to.</p>
            {{inertia}}
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
        .step { padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink);
                font: inherit; cursor: pointer; }
        .step:disabled { color: #a9b0bc; cursor: default; }
        #speed { font: inherit; }
        #slider { flex: 1 1 200px; accent-color: var(--accent); }
        #iteration-label { font-variant-numeric: tabular-nums; min-width: 118px; }
        .toggle { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; user-select: none; }
        canvas { display: block; width: 100%; max-width: 760px; height: auto; border: 1px solid var(--line);
                 border-radius: 6px; background: #fff; }
        """;
}
