"""One scikit-learn KMeans fit on the files PruningComparison wrote: prints wall and CPU seconds, iterations and inertia as JSON.

usage: sklearn_fit.py FOLDER K ALGORITHM   (ALGORITHM: elkan or lloyd)
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

folder, k, algorithm = sys.argv[1], int(sys.argv[2]), sys.argv[3]
points = np.load(f"{folder}/points.npy")
init = np.load(f"{folder}/init.npy")
model = KMeans(n_clusters=k, init=init, n_init=1, algorithm=algorithm, tol=1e-4, max_iter=300)
started, cpu_started = time.perf_counter(), time.process_time()
model.fit(points)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(json.dumps({"seconds": seconds, "cpu": cpu, "iterations": int(model.n_iter_), "inertia": float(model.inertia_)}))
