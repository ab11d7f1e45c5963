#!/usr/bin/env bash
# The GPU check: one prepared command for a lent GPU machine (no .NET, no network there).
#
#   bash scripts/gpu-check.sh             # here: publish what the GPU machine needs into .gpu/ (≤ 60 MiB)
#   bash scripts/gpu-check.sh --on-device # there, from the checkout's root with .gpu carried: runs everything
#
# On the device it runs, in this order, each step bounded so the whole stays under 8 minutes:
#   1. nvidia-smi: the GPU, driver and clocks;
#   2. the CUDA and OpenCL conformance classes of the test project (every kernel and whole fits vs the
#      scalar reference, shared datasets, silhouette, seeding);
#   3. compute-sanitizer memcheck and racecheck on the tiled kernels at a small shape (a 3-iteration fit);
#   4. gpukmeans bench on the issue's shapes plus an odd one, printing ms/iteration, TFLOP/s and % of the
#      67 TFLOP/s FP32 floor, a streamed fit (--device-memory) against the resident one, and the CPU/GPU
#      crossover over n (cpu against cuda at d = 32, k = 64), and k-means++ seeding + the default fit at 1M × 8, k = 256;
#   5. PyTorch's Lloyd iteration (cuBLAS distances, argmin, index_add) on the same shapes, as the peer.
# Everything it prints also lands in $OUT (the device tool's result folder) when OUT is set.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

stage() {
  set -e
  mkdir -p .gpu
  local dotnet_root fxver out
  dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  fxver="$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)"
  if [ ! -f .gpu/dotnet.tar.xz ] || [ "$(cat .gpu/dotnet.version 2>/dev/null)" != "$fxver" ]; then
    echo "gpu-check: packing the .NET runtime $fxver"
    tar -C "$dotnet_root" -cJf .gpu/dotnet.tar.xz dotnet host "shared/Microsoft.NETCore.App/$fxver"
    echo "$fxver" > .gpu/dotnet.version
  fi
  for proj in tests/GpuKMeans.Tests/GpuKMeans.Tests.csproj src/GpuKMeans.Cli/GpuKMeans.Cli.csproj; do
    local name; name="$(basename "$proj" .csproj)"
    out="$(mktemp -d)"
    # Framework-dependent for linux-x64 only; the browser driver of the report test is not needed there.
    dotnet publish "$proj" -c Release -r linux-x64 --self-contained false -o "$out/$name" -nologo -v quiet \
      -p:PlaywrightPlatform=none
    rm -rf "$out/$name/.playwright"
    tar -C "$out" -cJf ".gpu/$name.tar.xz" "$name"
    rm -rf "$out"
    echo "gpu-check: staged $name ($(du -h ".gpu/$name.tar.xz" | cut -f1))"
  done
  local bytes; bytes="$(du -sb .gpu | cut -f1)"
  echo "gpu-check: .gpu holds $((bytes / 1048576)) MiB (limit 60 MiB)"
  [ "$bytes" -le $((60 * 1048576)) ] || { echo "gpu-check: .gpu is over 60 MiB" >&2; exit 1; }
  echo "gpu-check: now run on the device, from the repository root, carrying .gpu:"
  echo "  bash scripts/gpu-check.sh --on-device"
}

on_device() {
  local log="${OUT:-/tmp}/gpu-check.log"
  exec > >(tee "$log") 2>&1
  local started=$SECONDS
  [ -f .gpu/dotnet.tar.xz ] || { echo "gpu-check: .gpu/ was not carried; run 'bash scripts/gpu-check.sh' here first"; exit 2; }
  rm -rf /tmp/dotnet /tmp/app && mkdir -p /tmp/dotnet /tmp/app
  tar -C /tmp/dotnet -xJf .gpu/dotnet.tar.xz
  tar -C /tmp/app -xJf .gpu/GpuKMeans.Tests.tar.xz
  tar -C /tmp/app -xJf .gpu/GpuKMeans.Cli.tar.xz
  export DOTNET_ROOT=/tmp/dotnet PATH="/tmp/dotnet:$PATH" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  export GPUKMEANS_SLOW_TESTS=1 # the Category=Slow cases of the device classes run here too
  local tests=(/tmp/dotnet/dotnet /tmp/app/GpuKMeans.Tests/GpuKMeans.Tests.dll)
  local cli=(/tmp/dotnet/dotnet /tmp/app/GpuKMeans.Cli/GpuKMeans.Cli.dll)

  echo "== 1. device ($(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv,noheader || true
  "${cli[@]}" devices || true

  echo "== 2. conformance on CUDA and OpenCL ($((SECONDS - started)) s)"
  timeout 180 "${tests[@]}" --filter-class 'GpuKMeans.Tests.Conformance.Cuda*' \
    --filter-class 'GpuKMeans.Tests.Conformance.OpenCL*' --no-progress 2>&1 | tail -n 60
  echo "conformance exit code: ${PIPESTATUS[0]}"

  echo "== 3. compute-sanitizer on the tiled kernels ($((SECONDS - started)) s)"
  "${cli[@]}" generate blobs --n 3000 --dims 33 --centers 7 --seed 1 --out /tmp/small.npy > /dev/null
  for tool in memcheck racecheck; do
    timeout 90 compute-sanitizer --tool "$tool" --print-limit 20 \
      "${cli[@]}" fit /tmp/small.npy --k 7 --seed 0 --max-iter 3 --backend cuda --json > /tmp/sanitizer.out 2>&1
    echo "compute-sanitizer $tool: exit $? — $(grep -E 'ERROR SUMMARY|RACECHECK SUMMARY|not supported|error' /tmp/sanitizer.out | head -3 | tr '\n' ' ')"
  done

  echo "== 4. gpukmeans bench ($((SECONDS - started)) s)"
  echo "| n × d × k | ms / iteration | TFLOP/s | % of the 67 TFLOP/s FP32 floor |"
  echo "|---|---:|---:|---:|"
  for shape in 4000000x32x256 10000000x16x64 1000000x128x1024 1000000x256x4096 3000000x100x300; do
    IFS=x read -r n d k <<< "$shape"
    local ms
    ms="$(timeout 120 "${cli[@]}" bench --backends cuda --n "$n" --d "$d" --k "$k" --iterations 10 2>/dev/null \
      | awk -F'|' '$2 ~ /^ cuda $/ { gsub(/ /, "", $5); print $5; exit }')"
    awk -v n="$n" -v d="$d" -v k="$k" -v ms="$ms" 'BEGIN {
      if (ms == "" || ms + 0 <= 0) { printf "| %d × %d × %d | failed | | |\n", n, d, k; exit }
      tf = 2 * n * d * k / (ms / 1000) / 1e12
      printf "| %d × %d × %d | %.3f | %.1f | %.0f%% |\n", n, d, k, ms, tf, 100 * tf / 67 }'
  done
  echo "-- streamed against resident (30M × 32 × 256: 3.84 GB of points; --device-memory 2560 MiB streams them in 3 chunks)"
  for budget in "" 2560; do
    echo "device memory budget: ${budget:-default (resident)}"
    timeout 120 "${cli[@]}" bench --backends cuda --n 30000000 --d 32 --k 256 --iterations 5 ${budget:+--device-memory $budget} 2>/dev/null \
      | grep -E '^\| (n|cuda)' || echo "streaming bench failed"
  done
  echo "-- k-means++ seeding and the default fit (1M blobs × 8, k = 256; one pass over the points per centre)"
  if timeout 60 "${cli[@]}" generate blobs --n 1000000 --centers 256 --dims 8 --seed 0 --out /tmp/seed-blobs.npy >/dev/null 2>&1; then
    for backend in cuda cpu; do
      local t0; t0="$(date +%s.%N)"
      timeout 120 "${cli[@]}" fit /tmp/seed-blobs.npy -k 256 --seed 0 --backend "$backend" --verbose 2>&1 \
        | grep -E 'seeding: 256 of 256|fit on' || echo "$backend: seeding fit failed"
      echo "$backend: whole command $(echo "$(date +%s.%N) - $t0" | bc 2>/dev/null || echo '?') s wall (process start and file read included)"
    done
  else
    echo "seeding data failed"
  fi
  echo "-- crossover: cpu against cuda over n (d = 32, k = 64)"
  timeout 120 "${cli[@]}" bench --backends cpu,cuda --n 1000,3000,10000,30000,100000,300000 --d 32 --k 64 --iterations 5 2>/dev/null

  echo "== 5. PyTorch peer on the same chip ($((SECONDS - started)) s)"
  timeout 100 python3 scripts/gpu/torch_lloyd.py || echo "torch peer failed"
  echo "gpu-check: done in $((SECONDS - started)) s"
}

case "${1:-}" in
  --on-device) on_device ;;
  "") stage ;;
  *) echo "usage: $0 [--on-device]" >&2; exit 2 ;;
esac
