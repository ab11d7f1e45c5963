"""PyTorch's Lloyd iteration on the GPU, the peer GpuKMeans is compared with (scripts/gpu-check.sh, step 5).

One iteration = cuBLAS distances (||c||^2 - 2 x.c via addmm), argmin, index_add_ of the points into per-cluster
sums and counts, and the division: what a Python user writes. Data resident, fp32, CUDA events, median of 10
after 3 warm-ups. Prints one markdown row per shape.
"""
import torch

SHAPES = [(4_000_000, 32, 256), (10_000_000, 16, 64), (1_000_000, 128, 1024), (1_000_000, 256, 4096), (3_000_000, 100, 300)]


def lloyd_iteration(x, c):
    scores = torch.addmm((c * c).sum(1).unsqueeze(0), x, c.t(), beta=1.0, alpha=-2.0)
    labels = scores.argmin(1)
    sums = torch.zeros_like(c).index_add_(0, labels, x)
    counts = torch.zeros(c.shape[0], device=x.device, dtype=x.dtype).index_add_(0, labels, torch.ones_like(labels, dtype=x.dtype))
    return sums / counts.clamp_min(1).unsqueeze(1)


def main():
    torch.backends.cuda.matmul.allow_tf32 = False
    print("| n × d × k | PyTorch ms / iteration | TFLOP/s |")
    print("|---|---:|---:|")
    for n, d, k in SHAPES:
        g = torch.Generator(device="cuda").manual_seed(0)
        x = torch.rand(n, d, device="cuda", generator=g)
        c = x[:k].clone()
        for _ in range(3):
            c = lloyd_iteration(x, c)
        times = []
        for _ in range(10):
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            c = lloyd_iteration(x, c)
            end.record()
            torch.cuda.synchronize()
            times.append(start.elapsed_time(end))
        ms = sorted(times)[len(times) // 2]
        print(f"| {n} × {d} × {k} | {ms:.3f} | {2 * n * d * k / (ms / 1e3) / 1e12:.1f} |", flush=True)
        del x, c
        torch.cuda.empty_cache()


if __name__ == "__main__":
    main()
