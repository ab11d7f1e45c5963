#!/usr/bin/env bash
# Installs Debian's chromium for the browser test of the HTML report (tests/GpuKMeans.Tests/Report), if missing.
# Idempotent: does nothing when /usr/bin/chromium exists. Never downloads Playwright's own browsers.
# Needs root (or passwordless sudo); on failure it only warns, and the browser test skips itself.
set -uo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

here="$(cd "$(dirname "$0")" && pwd)"
start=$(date +%s)
if bash "$here/apt-install.sh" chromium chromium; then
  echo "chromium: installed in $(( $(date +%s) - start ))s ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
else
  echo "chromium: could not be installed; the browser test will skip" >&2
fi
exit 0
