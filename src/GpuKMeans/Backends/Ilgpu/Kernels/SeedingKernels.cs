using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// Greedy k-means++ on the device, one pass over the points per chosen centre
/// (<see cref="ISeedingOperations.SeedingPass"/>). Every seeding block of <c>blockSize</c> consecutive points is
/// walked by <see cref="Lanes"/> threads, lane l taking rows l, l + Lanes, …: it lowers their closest distances
/// by the pending centre and sums, per candidate, <c>wᵢ · min(closestᵢ, d²)</c> in double in row order. A second
/// kernel adds each block's lane partials in lane order. Each sum is a fixed sequence of additions, so the
/// results repeat bit for bit; distances are <see cref="DistanceMath.SquaredDistance"/>, whose dot product is the
/// row-norm kernel's loop, so a point's distance to a copy of itself is exactly 0.
/// </summary>
internal static class SeedingKernels
{
    /// <summary>Threads per seeding block; their partials are added in lane order.</summary>
    public const int Lanes = 64;

    /// <summary>Candidates one launch of <see cref="BlockPartials"/> evaluates (more are taken in several launches).</summary>
    public const int CandidatesPerLaunch = 8;

    /// <summary>The signature of <see cref="BlockPartials"/> (more parameters than an <c>Action</c> takes).</summary>
    public delegate void BlockPartialsKernel(
        Index2D index,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> weights, ArrayView<float> closest,
        ArrayView<float> pending, ArrayView<float> pendingNorm, ArrayView<float> candidates, ArrayView<float> candidateNorms,
        ArrayView<double> partials,
        int pointCount, int dimensions, int blockSize, int blocks, int hasPending, int firstCandidate, int candidateCount);

    /// <summary>
    /// Index (lane, block). When <paramref name="hasPending"/> is 1, closest[i] = min(closest[i], d²(xᵢ,
    /// <paramref name="pending"/>)) for the lane's rows first; then for candidates <c>t = firstCandidate …
    /// firstCandidate + min(8, candidateCount − firstCandidate) − 1</c> (rows of <paramref name="candidates"/>):
    /// <c>partials[((t · blocks) + block) · Lanes + lane] = Σ wᵢ · min(closestᵢ, d²(xᵢ, candidate t))</c> over the lane's rows.
    /// </summary>
    public static void BlockPartials(
        Index2D index,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> weights, ArrayView<float> closest,
        ArrayView<float> pending, ArrayView<float> pendingNorm, ArrayView<float> candidates, ArrayView<float> candidateNorms,
        ArrayView<double> partials,
        int pointCount, int dimensions, int blockSize, int blocks, int hasPending, int firstCandidate, int candidateCount)
    {
        int lane = index.X;
        int block = index.Y;
        int end = Math.Min(pointCount, (block + 1) * blockSize);
        int last = Math.Min(candidateCount, firstCandidate + CandidatesPerLaunch);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int i = block * blockSize + lane; i < end; i += Lanes)
        {
            long row = (long)i * dimensions;
            float norm = pointNorms[i];
            float c = closest[i];
            if (hasPending != 0)
            {
                float p = Distance(points, row, norm, pending, pendingNorm, 0, dimensions);
                if (p < c)
                {
                    c = p;
                    closest[i] = p;
                }
            }
            double w = weights[i];
            int t = firstCandidate;
            s0 += Term(points, row, norm, candidates, candidateNorms, t, last, dimensions, w, c);
            s1 += Term(points, row, norm, candidates, candidateNorms, t + 1, last, dimensions, w, c);
            s2 += Term(points, row, norm, candidates, candidateNorms, t + 2, last, dimensions, w, c);
            s3 += Term(points, row, norm, candidates, candidateNorms, t + 3, last, dimensions, w, c);
            s4 += Term(points, row, norm, candidates, candidateNorms, t + 4, last, dimensions, w, c);
            s5 += Term(points, row, norm, candidates, candidateNorms, t + 5, last, dimensions, w, c);
            s6 += Term(points, row, norm, candidates, candidateNorms, t + 6, last, dimensions, w, c);
            s7 += Term(points, row, norm, candidates, candidateNorms, t + 7, last, dimensions, w, c);
        }
        Store(partials, firstCandidate, last, blocks, block, lane, s0, 0);
        Store(partials, firstCandidate, last, blocks, block, lane, s1, 1);
        Store(partials, firstCandidate, last, blocks, block, lane, s2, 2);
        Store(partials, firstCandidate, last, blocks, block, lane, s3, 3);
        Store(partials, firstCandidate, last, blocks, block, lane, s4, 4);
        Store(partials, firstCandidate, last, blocks, block, lane, s5, 5);
        Store(partials, firstCandidate, last, blocks, block, lane, s6, 6);
        Store(partials, firstCandidate, last, blocks, block, lane, s7, 7);
    }

    /// <summary>Index (block, candidate): <c>sums[t · blocks + block] = Σ_lane partials[((t · blocks) + block) · Lanes + lane]</c>, in lane order.</summary>
    public static void BlockSums(Index2D index, ArrayView<double> partials, ArrayView<double> sums, int blocks)
    {
        long cell = (long)index.Y * blocks + index.X;
        double sum = 0;
        for (int lane = 0; lane < Lanes; lane++)
            sum += partials[cell * Lanes + lane];
        sums[cell] = sum;
    }

    /// <summary>One thread per row of <c>[firstRow, firstRow + rowCount)</c>: closest[i] = min(closest[i], d²(xᵢ, centre 0)).</summary>
    public static void UpdateClosest(
        Index1D index,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> closest,
        ArrayView<float> centre, ArrayView<float> centreNorm, int firstRow, int dimensions)
    {
        int i = firstRow + index.X;
        float distance = Distance(points, (long)i * dimensions, pointNorms[i], centre, centreNorm, 0, dimensions);
        if (distance < closest[i])
            closest[i] = distance;
    }

    private static float Distance(
        ArrayView<float> points, long row, float norm, ArrayView<float> centres, ArrayView<float> centreNorms, int centre, int dimensions) =>
        DistanceMath.SquaredDistance(points, row, norm, centres, (long)centre * dimensions, centreNorms[centre], dimensions);

    /// <summary><c>w · min(closest, d²(x, centre t))</c>, or 0 past the launch's last candidate.</summary>
    private static double Term(
        ArrayView<float> points, long row, float norm, ArrayView<float> centres, ArrayView<float> centreNorms,
        int t, int last, int dimensions, double w, float closest)
    {
        if (t >= last)
            return 0;
        float distance = Distance(points, row, norm, centres, centreNorms, t, dimensions);
        return w * (distance < closest ? distance : closest);
    }

    private static void Store(ArrayView<double> partials, int firstCandidate, int last, int blocks, int block, int lane, double sum, int offset)
    {
        int t = firstCandidate + offset;
        if (t < last)
            partials[(((long)t * blocks) + block) * Lanes + lane] = sum;
    }
}
