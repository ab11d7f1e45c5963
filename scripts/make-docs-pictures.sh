#!/usr/bin/env bash
# Redraws the committed pictures of the README walkthrough, docs/{clusters,iterations,elbow,iris-clusters,
# report-screenshot}.png, with the walkthrough's own commands (data and report in a temporary folder). The report
# screenshot needs Debian's Chromium (.ci/install-chromium.sh). Run from anywhere: bash scripts/make-docs-pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

dotnet build src/GpuKMeans.Cli -nologo -v quiet
gpukmeans() { dotnet run --no-build --project src/GpuKMeans.Cli -- "$@"; }

gpukmeans generate blobs --n 750 --centers "1,1;-1,-1;1,-1" --std 0.4 --seed 0 \
    --out "$tmp/blobs.csv" --labels-out "$tmp/blobs-truth.csv"
gpukmeans fit "$tmp/blobs.csv" --k 3 --init random --seed 0 --scale standard --plot docs/clusters.png > /dev/null
gpukmeans fit "$tmp/blobs.csv" --k 3 --init random --seed 0 --scale standard --plot-iterations docs/iterations.png > /dev/null
gpukmeans fit "$tmp/blobs.csv" --k 3 --init random --seed 0 --scale standard \
    --report "$tmp/report.html" --truth "$tmp/blobs-truth.csv" --elbow 9 > /dev/null
gpukmeans elbow "$tmp/blobs.csv" --k-min 1 --k-max 9 --seed 0 --scale standard --plot docs/elbow.png > /dev/null
gpukmeans fit docs/data/iris.csv --k 3 --columns 0-3 --scale standard --seed 0 --n-init 10 --plot docs/iris-clusters.png > /dev/null

GPUKMEANS_WRITE_DOCS=1 GPUKMEANS_DOCS_REPORT="$tmp/report.html" \
    dotnet test --project tests/GpuKMeans.Tests -- --filter-class GpuKMeans.Tests.Report.DocsPictures
echo "redrew docs/clusters.png, docs/iterations.png, docs/elbow.png, docs/iris-clusters.png, docs/report-screenshot.png"
