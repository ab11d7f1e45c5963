#!/usr/bin/env bash
# Fetches ptxas, cuobjdump and nvdisasm (CUDA 11.8) for the static GPU lane without installing anything:
# a private apt configuration downloads Debian 12's non-free nvidia-cuda-toolkit package and the three
# binaries are extracted from it. Needs network access to deb.debian.org (once); idempotent afterwards.
#
#   scripts/static-lane/fetch-cuda-tools.sh      # prints the bin folder holding the three tools
#
# Folder: ${GPUKMEANS_TOOLS:-$HOME/.cache/gpukmeans}/cuda-11.8/bin. Also checks that clang-14 (used to
# syntax-check ILGPU's OpenCL C) is present and installs it with apt-get when running as root.
set -euo pipefail

root="${GPUKMEANS_TOOLS:-$HOME/.cache/gpukmeans}/cuda-11.8"
bin="$root/bin"
tools=(ptxas cuobjdump nvdisasm)
mirror="${GPUKMEANS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

log() { echo "fetch-cuda-tools: $*" >&2; }

have_tools() {
  local t
  for t in "${tools[@]}"; do [ -x "$bin/$t" ] || return 1; done
  "$bin/ptxas" --version >/dev/null 2>&1
}

ensure_clang() {
  if [ -x /usr/bin/clang-14 ]; then return 0; fi
  if [ "$(id -u)" -eq 0 ]; then
    log "installing clang-14"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang-14 >&2 \
      || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang-14 >&2; } \
      || log "clang-14 could not be installed: the OpenCL C checks will skip"
  else
    log "clang-14 is missing and this is not root: install it with 'apt-get install clang-14' (the OpenCL C checks will skip)"
  fi
}

# Concurrent test runs on one machine fetch once: the first holds the lock, the others then find the tools.
mkdir -p "$root"
exec 9>"$root/.lock"
command -v flock >/dev/null && flock -w 900 9

if ! have_tools; then
  work="$root/apt"
  mkdir -p "$work/etc/preferences.d" "$work/etc/sources.list.d" "$work/state/lists/partial" \
           "$work/cache/archives/partial" "$work/debs" "$bin"
  : > "$work/state/status"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  echo "deb [signed-by=$keyring] $mirror bookworm non-free" > "$work/etc/sources.list"
  apt_opts=(
    -o "Dir::Etc::SourceList=$work/etc/sources.list"
    -o "Dir::Etc::SourceParts=$work/etc/sources.list.d"
    -o "Dir::Etc::PreferencesParts=$work/etc/preferences.d"
    -o "Dir::State=$work/state"
    -o "Dir::State::status=$work/state/status"
    -o "Dir::Cache=$work/cache"
    -o "APT::Architecture=amd64"
    -o "APT::Sandbox::User=$(id -un)"
    -o "Debug::NoLocking=1"
    -o "Acquire::Retries=1"
    -o "Acquire::http::Timeout=30"
    -q
  )
  log "apt-get update (bookworm non-free from $mirror)"
  apt-get "${apt_opts[@]}" update >&2
  log "apt-get download nvidia-cuda-toolkit (about 84 MB)"
  (cd "$work/debs" && apt-get "${apt_opts[@]}" download nvidia-cuda-toolkit >&2)
  deb="$(ls "$work"/debs/nvidia-cuda-toolkit_*.deb | head -n 1)"
  extract="$work/extract"
  rm -rf "$extract" && mkdir -p "$extract"
  members=()
  listing="$(dpkg-deb --fsys-tarfile "$deb" | tar -t)"
  for t in "${tools[@]}"; do
    # Prefer the real binary under /usr/lib/nvidia-cuda-toolkit/bin; /usr/bin may hold only a link or wrapper.
    m="$(grep -E "^\./usr/lib/nvidia-cuda-toolkit/bin/$t\$" <<<"$listing" || grep -E "/bin/$t\$" <<<"$listing" | head -n 1)"
    [ -n "$m" ] || { log "$t not found in $deb"; exit 1; }
    members+=("$m")
  done
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$extract" "${members[@]}"
  for i in "${!tools[@]}"; do
    src="$extract/${members[$i]#./}"
    [ -L "$src" ] && src="$extract$(readlink "$src")"
    install -m 0755 "$src" "$bin/${tools[$i]}"
  done
  rm -rf "$extract" "$work/debs" "$work/cache"
  have_tools || { log "ptxas does not run: $("$bin/ptxas" --version 2>&1 | tail -n 1)"; exit 1; }
  log "$("$bin/ptxas" --version | tail -n 1)"
fi

ensure_clang
echo "$bin"
