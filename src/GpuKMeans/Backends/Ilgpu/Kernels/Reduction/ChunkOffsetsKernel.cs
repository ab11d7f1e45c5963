using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Where each cluster's partial sums start. With segment size s_c = segments[c+1] − segments[c], cluster c
/// has m_c = ⌈s_c / C⌉ level-1 chunks and ⌈m_c / F⌉ level-2 chunks (C = <see cref="ReductionLayout.ChunkSize"/>,
/// F = <see cref="ReductionLayout.FanIn"/>); this kernel writes the exclusive prefix sums of both over c,
/// k + 1 entries each (the last is the total). These depend only on the segment sizes.
/// </summary>
internal static class ChunkOffsetsKernel
{
    /// <summary>A single group of G threads scans the k clusters G at a time, carrying the running totals.</summary>
    /// <param name="segments">k + 1 segment offsets from <see cref="SegmentBoundsKernel"/>.</param>
    /// <param name="chunkStarts">Output: k + 1 level-1 chunk offsets.</param>
    /// <param name="superStarts">Output: k + 1 level-2 chunk offsets.</param>
    /// <param name="k">Number of clusters.</param>
    public static void Run<TConfig>(ArrayView<int> segments, ArrayView<int> chunkStarts, ArrayView<int> superStarts, int k)
        where TConfig : struct, IReductionConfig
    {
        var scratch = SharedMemory.Allocate<int>(default(TConfig).GroupSize);
        var superScratch = SharedMemory.Allocate<int>(default(TConfig).GroupSize);
        int t = Group.IdxX;
        int groupSize = default(TConfig).GroupSize;
        int chunkCarry = 0;
        int superCarry = 0;
        for (int start = 0; start < k; start += groupSize)
        {
            int c = start + t;
            int chunks = 0;
            if (c < k)
                chunks = (segments[c + 1] - segments[c] + ReductionLayout.ChunkSize - 1) / ReductionLayout.ChunkSize;
            int supers = (chunks + ReductionLayout.FanIn - 1) / ReductionLayout.FanIn;
            int chunkInclusive = GroupScan.Inclusive(scratch, chunks);
            int superInclusive = GroupScan.Inclusive(superScratch, supers);
            if (c < k)
            {
                chunkStarts[c] = chunkCarry + chunkInclusive - chunks;
                superStarts[c] = superCarry + superInclusive - supers;
            }
            chunkCarry += scratch[groupSize - 1];
            superCarry += superScratch[groupSize - 1];
            Group.Barrier();
        }
        if (t == 0)
        {
            chunkStarts[k] = chunkCarry;
            superStarts[k] = superCarry;
        }
    }
}
