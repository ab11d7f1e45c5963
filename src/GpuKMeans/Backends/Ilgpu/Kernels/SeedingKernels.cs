using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels;

/// <summary>
/// The sums greedy k-means++ needs on the device, over fixed blocks of consecutive points
/// (<see cref="PartitionRules.SeedingBlockSize"/>), each in double and in index order, so they are
/// reproducible. The distances themselves come from the tiled core (<see cref="Tiled.TiledArgminKernel"/>,
/// <see cref="Tiled.TiledDistanceMatrixKernel"/>).
/// </summary>
internal static class SeedingKernels
{
    /// <summary>
    /// Index (candidate t, block b of the chunk): <c>Σ wᵢ · min(closestᵢ, distances[i − firstRow, t])</c> over the
    /// block's points, into <c>partials[(firstBlock + b) · candidateCount + t]</c>. <paramref name="distances"/> is
    /// the row-major <c>rowCount × candidateCount</c> distance matrix of rows <c>[firstRow, firstRow + rowCount)</c>
    /// to the candidates; <paramref name="firstRow"/> is a multiple of <paramref name="blockSize"/>.
    /// </summary>
    public static void PotentialBlockSums(
        Index2D index,
        ArrayView<float> weights, ArrayView<float> closest, ArrayView<float> distances, ArrayView<double> partials,
        int firstRow, int rowCount, int blockSize, int candidateCount)
    {
        int candidate = index.X;
        int block = index.Y;
        int first = block * blockSize;
        int end = Math.Min(rowCount, first + blockSize);
        double potential = 0.0;
        for (int r = first; r < end; r++)
        {
            int i = firstRow + r;
            float distance = distances[(long)r * candidateCount + candidate];
            float c = closest[i];
            potential += (double)weights[i] * (distance < c ? distance : c);
        }
        partials[((long)(firstRow / blockSize) + block) * candidateCount + candidate] = potential;
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
