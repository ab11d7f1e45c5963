#!/usr/bin/env bash
# Installs Debian's chromium for the browser test of the HTML report (tests/GpuKMeans.Tests/Report), if missing.
# Idempotent: does nothing when /usr/bin/chromium exists. Never downloads Playwright's own browsers.
# Needs root (or passwordless sudo); on failure it only warns, and the browser test skips itself.
set -uo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "chromium: not installed and not root (no passwordless sudo); the browser test will skip" >&2
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
if "${sudo_cmd[@]}" apt-get update -qq \
  && "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "chromium: installed in $(( $(date +%s) - start ))s ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
else
  echo "chromium: apt-get install failed; the browser test will skip" >&2
fi
exit 0
