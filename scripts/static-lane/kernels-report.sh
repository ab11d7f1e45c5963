#!/usr/bin/env bash
# Regenerates docs/kernels.md: runs the static GPU lane's tests (tests/GpuKMeans.Tests/StaticLane) with
# GPUKMEANS_WRITE_KERNELS_MD set, which makes KernelsDocTests write the markdown from the lane's results
# (ptxas registers/shared memory/spills for sm_90 and sm_80, sm_90 occupancy, hot-loop SASS mix, clang-14).
# No GPU needed; the first run downloads the CUDA 11.8 tools (scripts/static-lane/fetch-cuda-tools.sh).
#
#   scripts/static-lane/kernels-report.sh            # writes docs/kernels.md
#   scripts/static-lane/kernels-report.sh out.md     # writes out.md instead
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(realpath -m "${1:-docs/kernels.md}")"
rm -f "$out"
GPUKMEANS_WRITE_KERNELS_MD="$out" dotnet test --project tests/GpuKMeans.Tests -- \
  --filter-class 'GpuKMeans.Tests.StaticLane.*'
[ -s "$out" ] || { echo "kernels-report: $out was not written (CUDA tools or clang-14 missing? see the skipped test)" >&2; exit 1; }
echo "kernels-report: wrote $out"
