#!/usr/bin/env python3
"""The issue-13 peer table in one run: GpuKMeans `cpu`, scikit-learn (lloyd, elkan), FAISS, ML.NET's KMeansTrainer and
the machine's float32 GEMM ceiling (NumPy's sgemm of the same n x d x k), on the same .npy files and (except ML.NET)
starting centroids.

Run through benchmarks/peers/run.sh, which builds the CLI and the benchmarks program first. Every measurement waits for an idle machine
(1-minute load average and CPU busy fraction over 2 s, from /proc) and records the load it started at.
Times are ms per Lloyd iteration with tol = 0:
  - GpuKMeans: the per-iteration times of `gpukmeans fit --verbose` (assign + reduce + centroid update, data
    resident), median over the iterations after the first; best of --repeats processes.
  - scikit-learn and FAISS: marginal cost per iteration, (t(I iterations) - t(1)) / (iterations_I - iterations_1),
    so that their input checks, copies and final label pass are not counted; best of --repeats.
  - ML.NET: the same marginal cost, measured inside `GpuKMeans.Benchmarks mlnet-iteration` (one process per repeat):
    its trainer takes no initial centroids, so both fits start from the same random rows of the file
    (InitializationAlgorithm = Random, NumberOfThreads = all cores, OptimizationTolerance 1e-30) and the iterations
    are counted from its passes over the data; best of --repeats.
  - GEMM ceiling: X (n x d) @ C.T (d x k) into a preallocated n x k float32 array, best of --repeats.
GFLOP/s counts 2*n*d*k per iteration (the distance GEMM; the rest of an iteration is O(n*d)).
"""
import argparse, datetime, json, os, platform, re, subprocess, sys, time

import numpy as np

SHAPES = [(200_000, 32, 64), (100_000, 128, 256), (1_000_000, 16, 16), (50_000, 512, 1024)]


def cpu_busy(seconds=2.0):
    """Fraction of all CPUs busy (not idle/iowait) over the next `seconds`, from /proc/stat."""
    def sample():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return sum(v), v[3] + v[4]
    t0, i0 = sample()
    time.sleep(seconds)
    t1, i1 = sample()
    return 1.0 - (i1 - i0) / max(1, t1 - t0)


def wait_idle(args, what):
    """Waits until the machine is idle; returns the load it measures at the start of `what`."""
    start = time.time()
    while True:
        load1 = os.getloadavg()[0]
        busy = cpu_busy()
        if (load1 <= args.max_load and busy <= args.max_busy) or time.time() - start > args.max_wait:
            waited = time.time() - start
            note = "" if busy <= args.max_busy and load1 <= args.max_load else " (NOT IDLE: gave up waiting)"
            print(f"  {what}: load {load1:.2f}, busy {busy:.0%}, waited {waited:.0f} s{note}", file=sys.stderr, flush=True)
            return {"load1": load1, "busy": busy, "idle": not note}
        time.sleep(3)


def ours(args, x, c, k, iterations):
    cmd = args.cli + ["fit", x, "--k", str(k), "--init", c, "--max-iter", str(iterations), "--tol", "0",
                      "--backend", "cpu", "--verbose"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{run.stderr}")
    times = [float(m.group(1)) for m in re.finditer(r"iteration \d+:.*?([\d.]+) ms\s*$", run.stderr, re.M)]
    device = re.search(r"fit on CPU: (.*?): \d+ iterations", run.stderr)
    later = sorted(times[1:] or times)
    return later[len(later) // 2], len(times), device.group(1) if device else "?"


def mlnet(args, x, k, iterations):
    """ML.NET's marginal ms per iteration (None if its second fit ran no extra iteration) and its version."""
    cmd = args.mlnet + ["mlnet-iteration", x, str(k), str(iterations)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{run.stdout}{run.stderr}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    return result["ms_per_iteration"], result["mlnet"]


def marginal(fit, iterations):
    """(t(I) - t(1)) / (iters(I) - iters(1)) in ms for a `fit(max_iter) -> iterations done`."""
    t = time.perf_counter(); one = fit(1); t1 = time.perf_counter() - t
    t = time.perf_counter(); many = fit(iterations); tn = time.perf_counter() - t
    if many <= one:
        return tn / max(1, many) * 1e3
    return (tn - t1) / (many - one) * 1e3


def sklearn_fit(X, C, algorithm):
    from sklearn.cluster import KMeans
    def fit(max_iter):
        km = KMeans(n_clusters=C.shape[0], init=C, n_init=1, max_iter=max_iter, tol=0, algorithm=algorithm).fit(X)
        return km.n_iter_
    return fit


def faiss_fit(X, C):
    import faiss
    n, d = X.shape
    def fit(max_iter):
        km = faiss.Kmeans(d, C.shape[0], niter=max_iter, verbose=False, max_points_per_centroid=n, seed=1)
        km.train(X, init_centroids=C)
        return max_iter
    return fit


def gemm(X, C, repeats):
    CT = np.ascontiguousarray(C.T)
    out = np.empty((X.shape[0], C.shape[0]), dtype=np.float32)
    np.matmul(X, CT, out=out)
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter(); np.matmul(X, CT, out=out); best = min(best, time.perf_counter() - t)
    return best * 1e3


def versions(mlnet_version):
    v = {"numpy": np.__version__}
    try:
        import sklearn; v["scikit-learn"] = sklearn.__version__
    except ImportError:
        pass
    try:
        import faiss; v["faiss"] = faiss.__version__
    except ImportError:
        pass
    try:
        from threadpoolctl import threadpool_info
        for i in threadpool_info():
            if i.get("internal_api") == "openblas":
                v["openblas"] = f"{i.get('version')} ({i.get('architecture')}, {i.get('num_threads')} threads)"
    except ImportError:
        pass
    if mlnet_version:
        v["ML.NET"] = mlnet_version
    return v


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip(); break
    return f"{model}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}"


def fmt(ms, flop):
    return "–" if ms is None else f"{ms:,.1f} ms ({flop / ms / 1e6:,.0f})"


def speedup(ours_ms, peer_ms):
    return "–" if not ours_ms or peer_ms is None else f"{peer_ms / ours_ms:,.1f}×"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cli", required=True, help="the gpukmeans command, e.g. 'dotnet path/GpuKMeans.Cli.dll'")
    p.add_argument("--data", required=True, help="folder for the .npy files (written once, reused)")
    p.add_argument("--mlnet", help="the benchmarks program, e.g. 'dotnet path/GpuKMeans.Benchmarks.dll' (no ML.NET column without it)")
    p.add_argument("--out", required=True, help="markdown file to write")
    p.add_argument("--commit", default="?")
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--shapes", default=",".join(f"{n}x{d}x{k}" for n, d, k in SHAPES), help="n x d x k, comma-separated")
    p.add_argument("--skip", default="", help="comma-separated: sklearn, elkan, faiss, mlnet, gemm")
    p.add_argument("--max-load", type=float, default=1.0, help="idle: 1-minute load average at most this")
    p.add_argument("--max-busy", type=float, default=0.15, help="idle: CPU busy fraction over 2 s at most this")
    p.add_argument("--max-wait", type=float, default=600, help="seconds to wait for idle before measuring anyway")
    args = p.parse_args()
    args.cli = args.cli.split()
    args.mlnet = args.mlnet.split() if args.mlnet else None
    skip = set(filter(None, args.skip.split(",")))
    if args.mlnet is None:
        skip.add("mlnet")
    shapes = [tuple(int(v) for v in s.split("x")) for s in args.shapes.split(",")]
    os.makedirs(args.data, exist_ok=True)

    rows, device, mlnet_version = [], "?", None
    for n, d, k in shapes:
        print(f"{n} x {d} x {k}", file=sys.stderr, flush=True)
        x = os.path.join(args.data, f"uniform-{n}x{d}.npy")
        c = os.path.join(args.data, f"init-{n}x{d}x{k}.npy")
        if not (os.path.exists(x) and os.path.exists(c)):
            rng = np.random.default_rng(13)
            X = rng.random((n, d), dtype=np.float32)
            np.save(x, X)
            np.save(c, X[np.sort(rng.choice(n, k, replace=False))])
        X, C = np.load(x), np.load(c)
        flop = 2.0 * n * d * k
        row = {"shape": (n, d, k), "loads": []}

        best = None
        for _ in range(args.repeats):
            row["loads"].append(wait_idle(args, "gpukmeans cpu"))
            ms, done, device = ours(args, x, c, k, args.iterations + 1)
            best = ms if best is None else min(best, ms)
        row["ours"] = best
        for name, key, make in [("scikit-learn lloyd", "sklearn", lambda: sklearn_fit(X, C, "lloyd")),
                                ("scikit-learn elkan", "elkan", lambda: sklearn_fit(X, C, "elkan")),
                                ("faiss", "faiss", lambda: faiss_fit(X, C))]:
            row[key] = None
            if key in skip:
                continue
            try:
                fit = make()
            except ImportError as e:
                print(f"  {name}: skipped ({e})", file=sys.stderr)
                continue
            best = None
            for _ in range(args.repeats if key != "elkan" else 1):
                row["loads"].append(wait_idle(args, name))
                ms = marginal(fit, args.iterations)
                best = ms if best is None else min(best, ms)
            row[key] = best
        row["mlnet"] = None
        if "mlnet" not in skip:
            for _ in range(args.repeats):
                row["loads"].append(wait_idle(args, "ML.NET"))
                ms, mlnet_version = mlnet(args, x, k, args.iterations)
                if ms is not None:
                    row["mlnet"] = ms if row["mlnet"] is None else min(row["mlnet"], ms)
        row["gemm"] = None
        if "gemm" not in skip:
            row["loads"].append(wait_idle(args, "numpy sgemm"))
            row["gemm"] = gemm(X, C, args.repeats + 2)
        print("  " + json.dumps({key: row[key] for key in ("ours", "sklearn", "elkan", "faiss", "mlnet", "gemm")}), file=sys.stderr, flush=True)
        rows.append(row)

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Lloyd iteration against the peers, {now}",
        "",
        f"Machine: {machine()}. GpuKMeans device: {device}. Commit `{args.commit}`.",
        "Peers: " + ", ".join(f"{k} {v}" for k, v in versions(mlnet_version).items()) + ".",
        "",
        f"Uniform points in [0, 1)^d (seed 13), the same .npy files and the same {args.iterations} Lloyd iterations from the",
        "same starting centroids (k distinct rows) for every tool but ML.NET, tol 0. ms per iteration; in brackets GFLOP/s",
        "counting 2·n·d·k per iteration. GpuKMeans: median iteration of `gpukmeans fit --verbose`; scikit-learn and",
        f"FAISS: marginal time per iteration, (t({args.iterations}) − t(1)) / {args.iterations - 1}; ML.NET `KMeansTrainer`: the same marginal time in one",
        "process (`GpuKMeans.Benchmarks mlnet-iteration`, after a warm-up fit), from an in-memory `IDataView` of the",
        "file. It takes no initial centroids, so both of its fits start from the same random rows",
        "(`InitializationAlgorithm = Random`; its default, k-means||, only costs set-up passes, which cancel), with",
        "`NumberOfThreads` = all cores and `OptimizationTolerance` 1e-30; the divisor is the iterations it really ran,",
        "counted from its passes over the data. Its iterations use its Yinyang-style bounds, so they are not plain",
        "Lloyd. `cpu` vs ML.NET: ML.NET's time ÷ ours (issue 13's target is ≥ 4×). GEMM ceiling: NumPy `X @ C.T` (OpenBLAS sgemm) of",
        f"the same n × d × k; best of {args.repeats}. Every measurement waited for an idle machine; load = the highest",
        "1-minute load average / CPU busy fraction seen at the start of this shape's measurements.",
        "",
        "| n × d × k (uniform) | GpuKMeans `cpu` | scikit-learn (lloyd) | scikit-learn (elkan) | FAISS | ML.NET | `cpu` vs ML.NET | sgemm ceiling | `cpu` / ceiling | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        n, d, k = r["shape"]
        flop = 2.0 * n * d * k
        ratio = "–" if not r["gemm"] else f"{(flop / r['ours']) / (flop / r['gemm']):.0%}"
        load = f"{max(l['load1'] for l in r['loads']):.2f} / {max(l['busy'] for l in r['loads']):.0%}"
        if not all(l["idle"] for l in r["loads"]):
            load += " (not idle)"
        lines.append(f"| {n:,} × {d} × {k} | **{fmt(r['ours'], flop)}** | {fmt(r['sklearn'], flop)} | {fmt(r['elkan'], flop)} | "
                     f"{fmt(r['faiss'], flop)} | {fmt(r['mlnet'], flop)} | {speedup(r['ours'], r['mlnet'])} | "
                     f"{fmt(r['gemm'], flop)} | {ratio} | {load} |")
    lines.append("")
    text = "\n".join(lines)
    with open(args.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
