namespace GpuKMeans.Cli.Report;

/// <summary>
/// The hand-written script of the HTML report: reads the JSON block, draws the scatter (regions, points,
/// centroids) and the elbow chart on canvases, wires the controls, and exposes <c>window.kmeansReport.state()</c>.
/// </summary>
internal static class ReportScript
{
    /// <summary>The script source (ES2017, no dependencies).</summary>
    public const string Source = """
        "use strict";
        (() => {
          const data = JSON.parse(document.getElementById("kmeans-data").textContent);
          const $ = (id) => document.getElementById(id);
          const play = $("play"), slider = $("slider"), label = $("iteration-label"), info = $("iteration-info");
          const boundaries = $("boundaries"), truth = $("truth"), scatter = $("scatter"), elbow = $("elbow");
          const m = data.x.length, N = data.iterations.length, S = data.scale;
          const RED = "#e60000", FONT = '12px system-ui, "DejaVu Sans", sans-serif';

          // Labels of every iteration, rebuilt from the first one and the (index, label) changes.
          const labels = [Int32Array.from(data.labels0)];
          for (let t = 1; t < N; t++) {
            const next = labels[t - 1].slice(), c = data.changes[t - 1];
            for (let j = 0; j < c.length; j += 2) next[c[j]] = c[j + 1];
            labels.push(next);
          }
          const state = { index: N - 1, playing: false, pointsDrawn: 0, regionsDrawn: 0, elbowPointsDrawn: 0 };
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

          // A chart frame: data ranges mapped into the canvas inside margins, with axes, ticks and labels.
          function frame(ctx, w, h, xr, yr, xLabel, yLabel, integerX) {
            const L = 62, R = 14, T = 14, B = 44, W = w - L - R, H = h - T - B;
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
            return { L, T, W, H, sx, sy };
          }

          function cross(ctx, x, y, r) {
            for (const [width, colour] of [[6, "#fff"], [3, RED]]) {
              ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.lineCap = "round"; ctx.beginPath();
              ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r); ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r); ctx.stroke();
            }
          }

          const sc = setup(scatter);
          // Points and centroids are in quantised units: [0, scale] spans data.bounds on each axis.
          const [x0, x1, y0, y1] = data.bounds, ux = (x1 - x0) / S, uy = (y1 - y0) / S;

          function drawScatter() {
            const { ctx, w, h } = sc, t = state.index, byTruth = !!(truth && truth.checked);
            const f = frame(ctx, w, h, [x0, x1], [y0, y1], data.xLabel, data.yLabel, false);
            const px = (q) => f.sx(x0 + q * ux), py = (q) => f.sy(y0 + q * uy);
            const cs = data.centroids[t], k = cs.length / 2;
            ctx.save(); ctx.beginPath(); ctx.rect(f.L, f.T, f.W, f.H); ctx.clip();
            state.regionsDrawn = 0;
            if (boundaries.checked) {
              const cell = 4, cx = [], cy = [];
              for (let c = 0; c < k; c++) { cx.push(px(cs[2 * c])); cy.push(py(cs[2 * c + 1])); }
              // Nearest centroid in data units (not pixels): the regions of the projected plane.
              ctx.globalAlpha = 0.22;
              for (let gy = f.T; gy < f.T + f.H; gy += cell) {
                for (let gx = f.L; gx < f.L + f.W; gx += cell) {
                  const mx = gx + cell / 2, my = gy + cell / 2;
                  let best = 0, bestD = Infinity;
                  for (let c = 0; c < k; c++) {
                    const dx = (mx - cx[c]) * (x1 - x0) / f.W, dy = (my - cy[c]) * (y1 - y0) / f.H, d = dx * dx + dy * dy;
                    if (d < bestD) { bestD = d; best = c; }
                  }
                  ctx.fillStyle = data.colours[best % data.colours.length];
                  ctx.fillRect(gx, gy, cell, cell);
                  state.regionsDrawn++;
                }
              }
              ctx.globalAlpha = 1;
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

          function legend(ctx, f, byTruth) {
            const items = byTruth
              ? data.truthClasses.map((v, i) => ["label " + v, data.colours[data.truthColours[i] % data.colours.length]])
              : data.colours.slice(0, data.k).map((c, i) => ["cluster " + i, c]);
            if (items.length > 12) return;
            const rowH = 17, boxW = 112, boxH = rowH * (items.length + 1) + 8, bx = f.L + f.W - boxW - 8, by = f.T + 8;
            ctx.fillStyle = "rgba(255,255,255,0.88)"; ctx.fillRect(bx, by, boxW, boxH);
            ctx.strokeStyle = "#d8dce3"; ctx.lineWidth = 1; ctx.strokeRect(bx, by, boxW, boxH);
            ctx.font = FONT; ctx.textAlign = "left"; ctx.textBaseline = "middle";
            items.forEach(([text, colour], i) => {
              const y = by + 4 + rowH * i + rowH / 2;
              ctx.fillStyle = colour; ctx.beginPath(); ctx.arc(bx + 14, y, 4.5, 0, 2 * Math.PI); ctx.fill();
              ctx.fillStyle = "#1d2330"; ctx.fillText(text, bx + 26, y);
            });
            const y = by + 4 + rowH * items.length + rowH / 2;
            cross(ctx, bx + 14, y, 5); ctx.fillStyle = "#1d2330"; ctx.fillText("centroid", bx + 26, y);
          }

          function drawElbow() {
            if (!elbow || !data.elbow) return;
            const { ctx, w, h } = setup(elbow), rows = data.elbow;
            const ks = rows.map((r) => r[0]), ys = rows.map((r) => r[1]);
            const f = frame(ctx, w, h, [Math.min(...ks) - 0.5, Math.max(...ks) + 0.5], [0, Math.max(...ys) * 1.08 || 1],
              "Number of clusters", "Inertia (WCSS)", true);
            ctx.strokeStyle = data.colours[0]; ctx.lineWidth = 2; ctx.beginPath();
            rows.forEach(([k, v], i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, f.sx(k), f.sy(v)));
            ctx.stroke();
            for (const [k, v] of rows) {
              ctx.fillStyle = data.colours[0]; ctx.beginPath(); ctx.arc(f.sx(k), f.sy(v), 4.5, 0, 2 * Math.PI); ctx.fill();
              if (k === data.k) { ctx.strokeStyle = RED; ctx.lineWidth = 2; ctx.beginPath(); ctx.arc(f.sx(k), f.sy(v), 9, 0, 2 * Math.PI); ctx.stroke(); }
            }
            state.elbowPointsDrawn = rows.length;
          }

          function render() {
            const t = state.index;
            slider.value = String(t + 1);
            label.textContent = "iteration " + data.iterations[t] + " / " + data.iterations[N - 1];
            info.textContent = t === 0
              ? "First assignment, to the initial centroids."
              : (data.changes[t - 1].length / 2).toLocaleString("en") + " of " + m.toLocaleString("en") +
                " shown points changed cluster since the previous iteration.";
            drawScatter();
          }

          function setPlaying(on) {
            state.playing = on;
            play.textContent = on ? "Pause" : "Play";
            play.setAttribute("aria-pressed", String(on));
            if (timer !== null) { clearInterval(timer); timer = null; }
            if (on) timer = setInterval(() => {
              if (state.index >= N - 1) { setPlaying(false); return; }
              state.index++; render();
            }, 700);
          }

          play.addEventListener("click", () => {
            if (state.playing) { setPlaying(false); return; }
            if (state.index >= N - 1) { state.index = 0; render(); }
            setPlaying(N > 1);
          });
          slider.addEventListener("input", () => { state.index = Math.min(N - 1, Math.max(0, (+slider.value | 0) - 1)); render(); });
          boundaries.addEventListener("change", drawScatter);
          if (truth) truth.addEventListener("change", drawScatter);

          window.kmeansReport = Object.freeze({
            state: () => ({
              iteration: data.iterations[state.index], index: state.index, iterations: N, playing: state.playing,
              timerPending: timer !== null,
              boundaries: boundaries.checked, truth: !!(truth && truth.checked), pointsDrawn: state.pointsDrawn,
              regionsDrawn: state.regionsDrawn, elbowPointsDrawn: state.elbowPointsDrawn,
            }),
          });
          render();
          drawElbow();
        })();
        """;
}
