#!/usr/bin/env bash
# Installs the Debian peers of the benchmark (benchmarks/peers/run.sh) into /usr/bin/python3, if missing:
# FAISS (python3-faiss) and OpenBLAS (libopenblas0-pthread, which becomes libblas.so.3 for numpy, scikit-learn
# and FAISS; without it they run Debian's reference BLAS, 10-50x slower, and the GEMM ceiling means nothing).
# Idempotent. Needs root (or passwordless sudo); on failure it only warns, and the benchmark says what is missing.
set -uo pipefail

py=/usr/bin/python3
check() {
  "$py" - <<'PY' 2>/dev/null
import faiss, numpy
from threadpoolctl import threadpool_info
apis = {i.get("internal_api") for i in threadpool_info()}
assert "openblas" in apis, apis
print(faiss.__version__, numpy.__version__)
PY
}

if versions="$(check)"; then
  echo "peers: already installed (faiss, numpy on OpenBLAS: $versions)"
  exit 0
fi

here="$(cd "$(dirname "$0")" && pwd)"
start=$(date +%s)
if bash "$here/apt-install.sh" peers python3-faiss libopenblas0-pthread python3-threadpoolctl && versions="$(check)"; then
  echo "peers: installed in $(( $(date +%s) - start ))s (faiss, numpy on OpenBLAS: $versions)"
else
  echo "peers: could not be installed, or $py still does not load faiss and OpenBLAS; the benchmark skips them" >&2
fi
exit 0
