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

here="$(cd "$(dirname "$0")" && pwd)"
start=$(date +%s)
if bash "$here/apt-install.sh" scikit-learn python3-sklearn python3-numpy && versions="$(check)"; then
  echo "scikit-learn: installed in $(( $(date +%s) - start ))s (scikit-learn, numpy: $versions)"
else
  echo "scikit-learn: could not be installed, or $py still cannot import it; the oracle tests will skip" >&2
fi
exit 0
