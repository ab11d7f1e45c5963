using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// What greedy k-means++ needs on the device: each point's squared distance to the closest centre chosen
/// so far, the potential each candidate would leave, and block sums for D² sampling. All sums are in
/// double, in index order within fixed blocks, so they are reproducible.
/// </summary>
internal static class SeedingKernels
{
    /// <summary>One thread per point: <c>closest[i] = min(closest[i], ‖xᵢ − x_row‖²)</c>.</summary>
    public static void UpdateClosest(
        Index1D point,
        ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> closest, int row, int dimensions)
    {
        float distance = DistanceMath.SquaredDistance(
            points, (long)point.X * dimensions, pointNorms[point],
            points, (long)row * dimensions, pointNorms[row], dimensions);
        if (distance < closest[point])
            closest[point] = distance;
    }

    /// <summary>
    /// Index (candidate, block): <c>Σ wᵢ · min(closestᵢ, ‖xᵢ − x_candidate‖²)</c> over the block's points,
    /// into <c>partials[block · candidateCount + candidate]</c>.
    /// </summary>
    public static void CandidatePotentials(
        Index2D index,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> weights,
        ArrayView<float> closest, ArrayView<int> candidateRows, ArrayView<double> partials,
        int pointCount, int dimensions, int blockSize, int candidateCount)
    {
        int candidate = index.X;
        int block = index.Y;
        int row = candidateRows[candidate];
        long rowStart = (long)row * dimensions;
        float rowNorm = pointNorms[row];
        int first = block * blockSize;
        int end = Math.Min(pointCount, first + blockSize);
        double potential = 0.0;
        for (int i = first; i < end; i++)
        {
            float distance = DistanceMath.SquaredDistance(
                points, (long)i * dimensions, pointNorms[i], points, rowStart, rowNorm, dimensions);
            float c = closest[i];
            potential += (double)weights[i] * (distance < c ? distance : c);
        }
        partials[(long)block * candidateCount + candidate] = potential;
    }

    /// <summary>One thread per block: <c>Σ wᵢ · closestᵢ</c> over its points, in index order.</summary>
    public static void ClosestBlockSums(
        Index1D block,
        ArrayView<float> weights, ArrayView<float> closest, ArrayView<double> blockSums,
        int pointCount, int blockSize)
    {
        int first = block * blockSize;
        int end = Math.Min(pointCount, first + blockSize);
        double sum = 0.0;
        for (int i = first; i < end; i++)
            sum += (double)weights[i] * closest[i];
        blockSums[block] = sum;
    }
}
