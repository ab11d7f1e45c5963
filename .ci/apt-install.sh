#!/usr/bin/env bash
# Shared by the .ci/install-*.sh scripts: installs Debian packages as root or with passwordless sudo.
#   .ci/apt-install.sh WHAT PACKAGE...
# Exits 0 when they were installed, 1 (with a line naming WHAT on stderr) when it is not allowed or apt fails.
set -uo pipefail
what="$1"; shift
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "$what: not installed and not root (no passwordless sudo)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
