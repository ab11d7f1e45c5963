namespace GpuKMeans.Cli.Report;

/// <summary>
/// The hand-written script of the HTML report: reads the JSON block, draws the scatter (regions as exact polygons,
/// points, centroids, the legend beside it), the inertia per iteration and the elbow chart on canvases, wires the
/// controls (play, previous/next, speed, slider, toggles), and exposes <c>window.kmeansReport.state()</c>.
/// </summary>
internal static class ReportScript
{
    /// <summary>The script source (ES2017, no dependencies).</summary>
    public const string Source = """
        "use strict";
        (() => {
          const data = JSON.parse(document.getElementById("kmeans-data").textContent);
          const $ = (id) => document.getElementById(id);
          const play = $("play"), prev = $("prev"), next = $("next"), speed = $("speed"), slider = $("slider");
          const label = $("iteration-label"), info = $("iteration-info");
          const boundaries = $("boundaries"), truth = $("truth"), scatter = $("scatter"), elbow = $("elbow"), inertiaChart = $("inertia");
          const m = data.x.length, N = data.iterations.length, S = data.scale, WEIGHTS = data.weights || [1, 1];
          const RED = "#e60000", FONT = '12px system-ui, "DejaVu Sans", sans-serif', LEGEND_W = 128;

          // Labels of every iteration, rebuilt from the first one and the (index, label) changes.
          const labels = [Int32Array.from(data.labels0)];
          for (let t = 1; t < N; t++) {
            const nextLabels = labels[t - 1].slice(), c = data.changes[t - 1];
            for (let j = 0; j < c.length; j += 2) nextLabels[c[j]] = c[j + 1];
            labels.push(nextLabels);
          }
          const state = { index: N - 1, playing: false, intervalMs: +speed.value || 700, pointsDrawn: 0, regionsDrawn: 0,
            elbowPointsDrawn: 0, inertiaPointsDrawn: 0, unitsPerPixel: [0, 0], legendOutside: false };
          let timer = null;

          function setup(canvas) {
            const w = canvas.width, h = canvas.height, dpr = window.devicePixelRatio || 1;
            canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr);
            const ctx = canvas.getContext("2d");
            ctx.scale(dpr, dpr);
            return { ctx, w, h };
          }

          function niceTicks(lo, hi, count) {
            const raw = (hi - lo) / count, mag = Math.pow(10, Math.floor(Math.log10(raw)));
            const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= raw) || raw;
            const ticks = [];
            for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
            return ticks;
          }
          const fmt = (v) => (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0)) ? v.toExponential(1) : String(+v.toPrecision(4));

          // A chart frame: data ranges mapped into the canvas inside margins, with axes, ticks and labels. With
          // opts.equal the ranges grow (about their centres) until a unit is as long on both axes.
          function frame(ctx, w, h, xr, yr, xLabel, yLabel, integerX, opts) {
            const o = opts || {}, L = 62, R = o.right || 14, T = 14, B = 44, W = w - L - R, H = h - T - B;
            if (o.equal) {
              const u = Math.max((xr[1] - xr[0]) / W, (yr[1] - yr[0]) / H), cx = (xr[0] + xr[1]) / 2, cy = (yr[0] + yr[1]) / 2;
              xr = [cx - u * W / 2, cx + u * W / 2]; yr = [cy - u * H / 2, cy + u * H / 2];
            }
            const sx = (x) => L + (x - xr[0]) / (xr[1] - xr[0]) * W;
            const sy = (y) => T + (yr[1] - y) / (yr[1] - yr[0]) * H;
            ctx.clearRect(0, 0, w, h);
            ctx.font = FONT; ctx.fillStyle = "#5b6475"; ctx.strokeStyle = "#e6e9ee"; ctx.lineWidth = 1;
            ctx.textAlign = "center"; ctx.textBaseline = "top";
            const xTicks = integerX && xr[1] - xr[0] <= 21
              ? Array.from({ length: Math.floor(xr[1]) - Math.ceil(xr[0]) + 1 }, (_, i) => Math.ceil(xr[0]) + i)
              : niceTicks(xr[0], xr[1], 8).filter((v) => !integerX || Number.isInteger(v));
            for (const v of xTicks) {
              ctx.beginPath(); ctx.moveTo(sx(v), T); ctx.lineTo(sx(v), T + H); ctx.stroke();
              ctx.fillText(fmt(v), sx(v), T + H + 5);
            }
            ctx.textAlign = "right"; ctx.textBaseline = "middle";
            for (const v of niceTicks(yr[0], yr[1], 6)) {
              ctx.beginPath(); ctx.moveTo(L, sy(v)); ctx.lineTo(L + W, sy(v)); ctx.stroke();
              ctx.fillText(fmt(v), L - 6, sy(v));
            }
            ctx.strokeStyle = "#9aa3b2"; ctx.strokeRect(L, T, W, H);
            ctx.fillStyle = "#1d2330"; ctx.textAlign = "center"; ctx.textBaseline = "bottom";
            ctx.fillText(xLabel, L + W / 2, h - 4);
            ctx.save(); ctx.translate(13, T + H / 2); ctx.rotate(-Math.PI / 2); ctx.textBaseline = "middle";
            ctx.fillText(yLabel, 0, 0); ctx.restore();
            return { L, T, W, H, sx, sy, xr, yr };
          }

          function cross(ctx, x, y, r) {
            for (const [width, colour] of [[6, "#fff"], [3, RED]]) {
              ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.lineCap = "round"; ctx.beginPath();
              ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r); ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r); ctx.stroke();
            }
          }

          // A cluster colour lightened 78% towards white, as in the PNG plots: opaque, so neighbouring cells never overlap.
          function tint(hex) {
            const v = parseInt(hex.slice(1), 16), ch = (shift) => { const c = (v >> shift) & 255; return Math.round(c + (255 - c) * 0.78); };
            return "rgb(" + ch(16) + "," + ch(8) + "," + ch(0) + ")";
          }

          // The nearest-centroid cell of every centroid inside rect [left, right, bottom, top], in data units, as an
          // exact convex polygon: the rectangle clipped by one half-plane per other centroid, distances measured as the
          // fit measured them (wx·dx² + wy·dy²). Ties go to the lower index. Straight, smooth boundaries at any zoom.
          function cells(cx, cy, rect) {
            const k = cx.length, [wx, wy] = WEIGHTS, out = [];
            for (let a = 0; a < k; a++) {
              let poly = [[rect[0], rect[2]], [rect[1], rect[2]], [rect[1], rect[3]], [rect[0], rect[3]]];
              for (let b = 0; b < k && poly.length >= 3; b++) {
                if (b === a) continue;
                const nx = 2 * wx * (cx[b] - cx[a]), ny = 2 * wy * (cy[b] - cy[a]);
                const limit = wx * (cx[b] * cx[b] - cx[a] * cx[a]) + wy * (cy[b] * cy[b] - cy[a] * cy[a]);
                if (nx === 0 && ny === 0) { if (b < a) poly = []; continue; }
                const clipped = [];
                for (let i = 0; i < poly.length; i++) {
                  const p = poly[i], q = poly[(i + 1) % poly.length];
                  const sp = nx * p[0] + ny * p[1] - limit, sq = nx * q[0] + ny * q[1] - limit;
                  if (sp <= 0) clipped.push(p);
                  if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
                    const t = sp / (sp - sq);
                    clipped.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
                  }
                }
                poly = clipped;
              }
              out.push(poly);
            }
            return out;
          }

          const sc = setup(scatter), ic = inertiaChart ? setup(inertiaChart) : null;
          // Points and centroids are in quantised units: [0, scale] spans data.bounds on each axis.
          const [x0, x1, y0, y1] = data.bounds, ux = (x1 - x0) / S, uy = (y1 - y0) / S;

          function drawScatter() {
            const { ctx, w, h } = sc, t = state.index, byTruth = !!(truth && truth.checked);
            const f = frame(ctx, w, h, [x0, x1], [y0, y1], data.xLabel, data.yLabel, false, { right: LEGEND_W + 14, equal: data.equalAspect });
            state.unitsPerPixel = [(f.xr[1] - f.xr[0]) / f.W, (f.yr[1] - f.yr[0]) / f.H];
            const px = (q) => f.sx(x0 + q * ux), py = (q) => f.sy(y0 + q * uy);
            const cs = data.centroids[t], k = cs.length / 2;
            ctx.save(); ctx.beginPath(); ctx.rect(f.L, f.T, f.W, f.H); ctx.clip();
            state.regionsDrawn = 0;
            if (boundaries.checked) {
              const cx = [], cy = [];
              for (let c = 0; c < k; c++) { cx.push(x0 + cs[2 * c] * ux); cy.push(y0 + cs[2 * c + 1] * uy); }
              cells(cx, cy, [f.xr[0], f.xr[1], f.yr[0], f.yr[1]]).forEach((poly, c) => {
                if (poly.length < 3) return;
                const colour = tint(data.colours[c % data.colours.length]);
                ctx.beginPath();
                poly.forEach(([x, y], i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, f.sx(x), f.sy(y)));
                ctx.closePath();
                ctx.fillStyle = colour; ctx.fill();
                ctx.strokeStyle = colour; ctx.lineWidth = 1; ctx.stroke(); // hides the anti-aliased seam between cells
                state.regionsDrawn++;
              });
            }
            const colourOf = byTruth ? (i) => data.truthColours[data.truth[i]] : (i) => labels[t][i];
            const radius = m <= 2000 ? 3 : m <= 10000 ? 2 : 1.4, paths = new Map();
            for (let i = 0; i < m; i++) {
              const c = colourOf(i);
              let p = paths.get(c);
              if (!p) { p = new Path2D(); paths.set(c, p); }
              const X = px(data.x[i]), Y = py(data.y[i]);
              p.moveTo(X + radius, Y); p.arc(X, Y, radius, 0, 2 * Math.PI);
            }
            for (const [c, p] of paths) { ctx.fillStyle = data.colours[c % data.colours.length]; ctx.fill(p); }
            state.pointsDrawn = m;
            for (let c = 0; c < k; c++) cross(ctx, px(cs[2 * c]), py(cs[2 * c + 1]), 8);
            ctx.restore();
            legend(ctx, f, byTruth);
          }

          // The legend sits in the right margin, outside the data area, so it never hides a point.
          function legend(ctx, f, byTruth) {
            const items = byTruth
              ? data.truthClasses.map((v, i) => ["label " + v, data.colours[data.truthColours[i] % data.colours.length]])
              : data.colours.slice(0, data.k).map((c, i) => ["cluster " + i, c]);
            state.legendOutside = false;
            if (items.length > 12) return;
            const rowH = 17, boxW = LEGEND_W - 8, boxH = rowH * (items.length + 1) + 8, bx = f.L + f.W + 14, by = f.T;
            ctx.fillStyle = "#fff"; ctx.fillRect(bx, by, boxW, boxH);
            ctx.strokeStyle = "#d8dce3"; ctx.lineWidth = 1; ctx.strokeRect(bx, by, boxW, boxH);
            ctx.font = FONT; ctx.textAlign = "left"; ctx.textBaseline = "middle";
            items.forEach(([text, colour], i) => {
              const y = by + 4 + rowH * i + rowH / 2;
              ctx.fillStyle = colour; ctx.beginPath(); ctx.arc(bx + 14, y, 4.5, 0, 2 * Math.PI); ctx.fill();
              ctx.fillStyle = "#1d2330"; ctx.fillText(text, bx + 26, y);
            });
            const y = by + 4 + rowH * items.length + rowH / 2;
            cross(ctx, bx + 14, y, 5); ctx.fillStyle = "#1d2330"; ctx.fillText("centroid", bx + 26, y);
            state.legendOutside = bx >= f.L + f.W;
          }

          // A line chart of (x, y) rows with dots; the row at `current` (if any) ringed in red.
          function lineChart(ctx, w, h, rows, xLabel, yLabel, current, fromZero) {
            const xs = rows.map((r) => r[0]), ys = rows.map((r) => r[1]);
            let lo = fromZero ? 0 : Math.min(...ys), hi = Math.max(...ys);
            const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
            hi += pad; if (!fromZero) lo -= pad;
            const f = frame(ctx, w, h, [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5], [lo, hi], xLabel, yLabel, true);
            ctx.strokeStyle = data.colours[0]; ctx.lineWidth = 2; ctx.beginPath();
            rows.forEach(([x, y], i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, f.sx(x), f.sy(y)));
            ctx.stroke();
            for (const [x, y] of rows) {
              ctx.fillStyle = data.colours[0]; ctx.beginPath(); ctx.arc(f.sx(x), f.sy(y), 4.5, 0, 2 * Math.PI); ctx.fill();
              if (x === current) { ctx.strokeStyle = RED; ctx.lineWidth = 2; ctx.beginPath(); ctx.arc(f.sx(x), f.sy(y), 9, 0, 2 * Math.PI); ctx.stroke(); }
            }
            return rows.length;
          }

          function drawElbow() {
            if (!elbow || !data.elbow) return;
            const { ctx, w, h } = setup(elbow);
            state.elbowPointsDrawn = lineChart(ctx, w, h, data.elbow, "Number of clusters", "Inertia (WCSS)", data.k, true);
          }

          function drawInertia() {
            if (!ic || !data.inertia) return;
            const rows = data.iterations.map((it, i) => [it, data.inertia[i]]);
            const units = data.inertiaUnits ? " (" + data.inertiaUnits + ")" : "";
            state.inertiaPointsDrawn = lineChart(ic.ctx, ic.w, ic.h, rows, "Iteration", "Inertia" + units, data.iterations[state.index], false);
          }

          function render() {
            const t = state.index;
            slider.value = String(t + 1);
            prev.disabled = t === 0; next.disabled = t === N - 1;
            label.textContent = "iteration " + data.iterations[t] + " / " + data.iterations[N - 1];
            const inertia = data.inertia ? " Inertia " + fmt(data.inertia[t]) + (data.inertiaUnits ? " (" + data.inertiaUnits + ")." : ".") : "";
            info.textContent = (t === 0
              ? "First assignment, to the initial centroids."
              : (data.changes[t - 1].length / 2).toLocaleString("en") + " of " + m.toLocaleString("en") +
                " shown points changed cluster since the previous iteration.") + inertia;
            drawScatter();
            drawInertia();
          }

          function setPlaying(on) {
            state.playing = on;
            play.textContent = on ? "Pause" : "Play";
            play.setAttribute("aria-pressed", String(on));
            if (timer !== null) { clearInterval(timer); timer = null; }
            if (on) timer = setInterval(() => {
              if (state.index >= N - 1) { setPlaying(false); return; }
              state.index++; render();
            }, state.intervalMs);
          }

          function step(by) {
            setPlaying(false);
            state.index = Math.min(N - 1, Math.max(0, state.index + by));
            render();
          }

          play.addEventListener("click", () => {
            if (state.playing) { setPlaying(false); return; }
            if (state.index >= N - 1) { state.index = 0; render(); }
            setPlaying(N > 1);
          });
          prev.addEventListener("click", () => step(-1));
          next.addEventListener("click", () => step(1));
          speed.addEventListener("change", () => {
            state.intervalMs = +speed.value || 700;
            if (state.playing) setPlaying(true); // restart the timer at the new pace
          });
          slider.addEventListener("input", () => { state.index = Math.min(N - 1, Math.max(0, (+slider.value | 0) - 1)); render(); });
          boundaries.addEventListener("change", drawScatter);
          if (truth) truth.addEventListener("change", drawScatter);

          window.kmeansReport = Object.freeze({
            state: () => ({
              iteration: data.iterations[state.index], index: state.index, iterations: N, playing: state.playing,
              timerPending: timer !== null, intervalMs: state.intervalMs,
              boundaries: boundaries.checked, truth: !!(truth && truth.checked), pointsDrawn: state.pointsDrawn,
              regionsDrawn: state.regionsDrawn, elbowPointsDrawn: state.elbowPointsDrawn, inertiaPointsDrawn: state.inertiaPointsDrawn,
              unitsPerPixel: state.unitsPerPixel.slice(), legendOutside: state.legendOutside,
            }),
          });
          render();
          drawElbow();
        })();
        """;
}
