#!/usr/bin/env bash
# Packs the library (package GpuKMeans) and the tool (package GpuKMeans.Cli, command gpukmeans: NuGet ids ignore case,
# so the tool cannot be called "gpukmeans" beside the library) into a temporary local feed, installs the tool from that
# feed into a temporary folder, and runs `gpukmeans --help` and the demo from there; prints the package sizes.
# Usage: .ci/pack-and-install.sh [FEED_DIR]   (FEED_DIR: where to leave the packages; default: a temp folder, deleted)
# Everything else it builds goes to a temporary artifacts folder, so the clone's bin/ and obj/ are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d "${TMPDIR:-/tmp}/gpukmeans-pack.XXXXXX")"
trap 'rm -rf "$work"' EXIT
feed="${1:-$work/feed}"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"

echo "== packing into $feed"
dotnet pack src/GpuKMeans -c Release -o "$feed" --artifacts-path "$work/artifacts" -v q -nologo
dotnet pack src/GpuKMeans.Cli -c Release -o "$feed" --artifacts-path "$work/artifacts" -v q -nologo

tool_package="$(ls "$feed"/GpuKMeans.Cli.*.nupkg | head -n 1)"
version="$(basename "$tool_package" .nupkg)"; version="${version#GpuKMeans.Cli.}"
for package in "$feed"/*.nupkg; do
  echo "package size: $(basename "$package"): $(stat -c %s "$package") bytes"
done

# Only the local feed: the tool must install from what was just packed, not from a registry.
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
CONFIG

echo "== installing GpuKMeans.Cli $version into $work/tools"
dotnet tool install --tool-path "$work/tools" --configfile "$work/nuget.config" --version "$version" GpuKMeans.Cli

echo "== gpukmeans --help"
"$work/tools/gpukmeans" --help
echo "== gpukmeans (the demo)"
"$work/tools/gpukmeans"
echo "pack-and-install: ok"
