using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// An integer inclusive prefix sum across the threads of one group, in shared memory with barriers only
/// (no shuffles, no group intrinsics), so that it compiles for CUDA, OpenCL (PoCL) and the CPU accelerator.
/// Integer addition is exact, so the result does not depend on the order of the additions.
/// </summary>
internal static class GroupScan
{
    /// <summary>
    /// Hillis–Steele scan: after step s, <c>scratch[t]</c> = Σ value over threads (t − 2ˢ⁺¹, t]. Returns
    /// Σ value over threads 0..t. On return <c>scratch[G − 1]</c> holds the group total; the caller must
    /// barrier before writing <paramref name="scratch"/> again. Every thread of the group must call it.
    /// </summary>
    /// <param name="scratch">Shared memory of at least <see cref="Group.DimX"/> ints.</param>
    /// <param name="value">This thread's value.</param>
    public static int Inclusive(ArrayView<int> scratch, int value)
    {
        int t = Group.IdxX;
        int size = Group.DimX;
        scratch[t] = value;
        Group.Barrier();
        for (int offset = 1; offset < size; offset <<= 1)
        {
            int add = t >= offset ? scratch[t - offset] : 0;
            Group.Barrier();
            scratch[t] += add;
            Group.Barrier();
        }
        return scratch[t];
    }
}
