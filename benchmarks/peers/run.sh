#!/usr/bin/env bash
# Regenerates benchmarks/PEERS.md, the issue-13 table: GpuKMeans `cpu` against scikit-learn (lloyd, elkan),
# FAISS, ML.NET's KMeansTrainer and NumPy's float32 GEMM ceiling, in one run, on the same .npy files, waiting for
# an idle machine.
#   benchmarks/peers/run.sh [peers.py options: --repeats 3 --iterations 10 --shapes 200000x32x64,... --skip faiss,mlnet]
# GPUKMEANS_PEERS_OUT names another file to write (default benchmarks/PEERS.md), e.g. for a trial on small shapes.
# Needs Debian's python3-sklearn, python3-faiss and OpenBLAS in /usr/bin/python3 (.ci/install-peers.sh and
# .ci/install-sklearn.sh install them as root). Data goes to $GPUKMEANS_BENCH_DATA (default /tmp/gpukmeans-peers).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dotnet build -c Release src/GpuKMeans.Cli -v q -nologo >/dev/null
dotnet build -c Release benchmarks/GpuKMeans.Benchmarks -v q -nologo >/dev/null   # ML.NET: its mlnet-iteration subcommand
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src benchmarks/GpuKMeans.Benchmarks || echo '+uncommitted')"
exec /usr/bin/python3 benchmarks/peers/peers.py \
  --cli "dotnet $root/src/GpuKMeans.Cli/bin/Release/net10.0/GpuKMeans.Cli.dll" \
  --mlnet "dotnet $root/benchmarks/GpuKMeans.Benchmarks/bin/Release/net10.0/GpuKMeans.Benchmarks.dll" \
  --data "${GPUKMEANS_BENCH_DATA:-/tmp/gpukmeans-peers}" --out "${GPUKMEANS_PEERS_OUT:-benchmarks/PEERS.md}" \
  --commit "$commit" "$@"
