#!/usr/bin/env bash
# Installs Debian's scikit-learn and NumPy into /usr/bin/python3 for the scikit-learn oracle tests
# (tests/GpuKMeans.Tests/Oracle), if missing. Idempotent: does nothing when /usr/bin/python3 can import both.
# Needs root (or passwordless sudo); on failure it only warns, and the oracle tests skip themselves.
# Debian's packages land in /usr/bin/python3, never in any other Python on PATH: the tests use that interpreter.
set -uo pipefail

py=/usr/bin/python3
check() { "$py" -c 'import sklearn, numpy; print(sklearn.__version__, numpy.__version__)' 2>/dev/null; }

if versions="$(check)"; then
  echo "scikit-learn: already installed (scikit-learn, numpy: $versions)"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "scikit-learn: not installed and not root (no passwordless sudo); the oracle tests will skip" >&2
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
if "${sudo_cmd[@]}" apt-get update -qq \
  && "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends python3-sklearn python3-numpy >/dev/null \
  && versions="$(check)"; then
  echo "scikit-learn: installed in $(( $(date +%s) - start ))s (scikit-learn, numpy: $versions)"
else
  echo "scikit-learn: apt-get install failed or $py still cannot import it; the oracle tests will skip" >&2
fi
exit 0
