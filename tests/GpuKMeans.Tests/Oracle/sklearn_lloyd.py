"""scikit-learn as an oracle for GpuKMeans' tests (tests/GpuKMeans.Tests/Oracle).

Reads one JSON request from stdin and writes one JSON answer to stdout. Run with /usr/bin/python3 (Debian's
python3-sklearn and python3-numpy, installed by .ci/install-sklearn.sh). Data are float32, as the library's.

Request modes:
  {"mode": "lloyd", "points": [[...], ...], "weights": [...] | null, "init": [[...], ...],
   "max_iter": int, "tol": float}
      -> {"labels": [...], "centers": [[...], ...], "inertia": float, "n_iter": int}
      KMeans(n_clusters=k, init=<init>, n_init=1, algorithm="lloyd", tol, max_iter).fit(X, sample_weight=weights)
  {"mode": "kmeanspp", "points": [[...], ...], "weights": [...] | null, "k": int, "seeds": [int, ...]}
      -> {"inertia": [...]}  inertia_ after one Lloyd iteration from k-means++ seeding, one per random_state
  {"mode": "minibatch", "points": [[...], ...], "weights": [...] | null, "k": int, "batch_size": int, "seeds": [int, ...]}
      -> {"inertia": [...], "n_steps": [...]}  MiniBatchKMeans(n_clusters=k, batch_size, n_init=3, random_state=seed)
      .fit(X, sample_weight=weights) with its other defaults, one per seed (inertia_ over all points)
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans


def as_float32(rows):
    x = np.asarray(rows, dtype=np.float64).astype(np.float32)
    return x.reshape(len(rows), -1)


def weights_of(request):
    w = request.get("weights")
    return None if w is None else np.asarray(w, dtype=np.float64).astype(np.float32)


def lloyd(request):
    x = as_float32(request["points"])
    init = as_float32(request["init"])
    model = KMeans(n_clusters=init.shape[0], init=init, n_init=1, algorithm="lloyd",
                   tol=float(request["tol"]), max_iter=int(request["max_iter"]))
    model.fit(x, sample_weight=weights_of(request))
    return {
        "labels": model.labels_.tolist(),
        "centers": model.cluster_centers_.astype(np.float64).tolist(),
        "inertia": float(model.inertia_),
        "n_iter": int(model.n_iter_),
        "dtype": str(model.cluster_centers_.dtype),
    }


def kmeanspp(request):
    x = as_float32(request["points"])
    w = weights_of(request)
    k = int(request["k"])
    inertia = []
    for seed in request["seeds"]:
        model = KMeans(n_clusters=k, init="k-means++", n_init=1, max_iter=1, random_state=int(seed),
                       algorithm="lloyd")
        inertia.append(float(model.fit(x, sample_weight=w).inertia_))
    return {"inertia": inertia}


def minibatch(request):
    x = as_float32(request["points"])
    w = weights_of(request)
    inertia, steps = [], []
    for seed in request["seeds"]:
        model = MiniBatchKMeans(n_clusters=int(request["k"]), batch_size=int(request["batch_size"]), n_init=3,
                                random_state=int(seed))
        model.fit(x, sample_weight=w)
        inertia.append(float(model.inertia_))
        steps.append(int(model.n_steps_))
    return {"inertia": inertia, "n_steps": steps}


def main():
    request = json.load(sys.stdin)
    with warnings.catch_warnings():
        # ConvergenceWarning (max_iter reached, fewer distinct points than clusters) is expected in some cases.
        warnings.simplefilter("ignore")
        mode = request.get("mode", "lloyd")
        if mode == "lloyd":
            answer = lloyd(request)
        elif mode == "kmeanspp":
            answer = kmeanspp(request)
        elif mode == "minibatch":
            answer = minibatch(request)
        else:
            raise SystemExit(f"unknown mode {mode!r}")
    answer["sklearn_version"] = sklearn.__version__
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    main()
