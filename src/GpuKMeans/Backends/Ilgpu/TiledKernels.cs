using GpuKMeans.Backends.Ilgpu.Kernels.Tiled;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// The tiled distance core's kernels compiled for one accelerator, in the tile configuration that suits it
/// (on CUDA <see cref="CudaTileConfig"/>, or <see cref="CudaSmallTileConfig"/> when k ≤ 64 — see
/// <see cref="CudaTiledKernels"/>; <see cref="OpenCLTileConfig"/>, or <see cref="SerialTileConfig"/> for ILGPU's CPU
/// accelerator, where a multi-thread group's barrier is an OS-level rendezvous). One object per accelerator and
/// configuration; launching costs no compile.
/// </summary>
internal abstract class TiledKernels
{
    /// <summary>Rows of points one group covers (the configuration's BM; the largest one where several serve).</summary>
    public abstract int BlockPoints { get; }

    /// <summary>Labels and minimum distances of the first <paramref name="pointCount"/> points.</summary>
    public abstract void Assign(
        AcceleratorStream stream, ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms, ArrayView<int> labels, ArrayView<float> minDistances,
        int pointCount, int dimensions, int clusterCount);

    /// <summary>Rows [firstRow, firstRow + rowCount) of the clamped squared distance matrix, row-major rowCount × k.</summary>
    public abstract void DistanceMatrix(
        AcceleratorStream stream, ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms, ArrayView<float> distances,
        int firstRow, int rowCount, int dimensions, int clusterCount);

    /// <summary>The kernels in the configuration for <paramref name="accelerator"/>'s type.</summary>
    public static TiledKernels For(Accelerator accelerator) => accelerator.AcceleratorType switch
    {
        AcceleratorType.Cuda => new CudaTiledKernels(accelerator),
        AcceleratorType.OpenCL => new TiledKernels<OpenCLTileConfig>(accelerator),
        _ => new TiledKernels<SerialTileConfig>(accelerator),
    };

    /// <summary>The kernels in configuration <typeparamref name="TConfig"/> (tests compare configurations).</summary>
    public static TiledKernels For<TConfig>(Accelerator accelerator) where TConfig : struct, ITileConfig =>
        new TiledKernels<TConfig>(accelerator);
}

/// <summary><see cref="TiledKernels"/> for one compile-time tile configuration.</summary>
internal sealed class TiledKernels<TConfig>(Accelerator accelerator) : TiledKernels
    where TConfig : struct, ITileConfig
{
    private readonly TiledLaunch.AssignLauncher _assign = TiledLaunch.LoadAssign<TConfig>(accelerator);
    private readonly TiledLaunch.DistanceMatrixLauncher _distanceMatrix = TiledLaunch.LoadDistanceMatrix<TConfig>(accelerator);

    public override int BlockPoints => TileShape.BlockPoints<TConfig>();

    public override void Assign(
        AcceleratorStream stream, ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms, ArrayView<int> labels, ArrayView<float> minDistances,
        int pointCount, int dimensions, int clusterCount) =>
        TiledLaunch.Assign<TConfig>(_assign, stream, points, pointNorms, centroids, centroidNorms, labels, minDistances,
            pointCount, dimensions, clusterCount);

    public override void DistanceMatrix(
        AcceleratorStream stream, ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms, ArrayView<float> distances,
        int firstRow, int rowCount, int dimensions, int clusterCount) =>
        TiledLaunch.DistanceMatrix<TConfig>(_distanceMatrix, stream, points, pointNorms, centroids, centroidNorms, distances,
            firstRow, rowCount, dimensions, clusterCount);
}

/// <summary>
/// CUDA's kernels in two tiles: <see cref="CudaTileConfig"/> (128 × 128) in general and <see cref="CudaSmallTileConfig"/>
/// (64 × 64) when k ≤ <see cref="CudaSmallTileConfig.MaxClusters"/>, where the large tile would spend half or more of
/// its FFMA on padding columns (small-k fits). Each launch picks by its cluster count;
/// both tiles compute every dot product as the same fused sequence over d, so the choice changes speed, not results.
/// </summary>
internal sealed class CudaTiledKernels(Accelerator accelerator) : TiledKernels
{
    private readonly TiledKernels<CudaTileConfig> _large = new(accelerator);
    private readonly TiledKernels<CudaSmallTileConfig> _small = new(accelerator);

    public override int BlockPoints => Math.Max(_large.BlockPoints, _small.BlockPoints);

    private TiledKernels Pick(int clusterCount) => clusterCount <= CudaSmallTileConfig.MaxClusters ? _small : _large;

    public override void Assign(
        AcceleratorStream stream, ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms, ArrayView<int> labels, ArrayView<float> minDistances,
        int pointCount, int dimensions, int clusterCount) =>
        Pick(clusterCount).Assign(stream, points, pointNorms, centroids, centroidNorms, labels, minDistances,
            pointCount, dimensions, clusterCount);

    public override void DistanceMatrix(
        AcceleratorStream stream, ArrayView<float> points, ArrayView<float> pointNorms,
        ArrayView<float> centroids, ArrayView<float> centroidNorms, ArrayView<float> distances,
        int firstRow, int rowCount, int dimensions, int clusterCount) =>
        Pick(clusterCount).DistanceMatrix(stream, points, pointNorms, centroids, centroidNorms, distances,
            firstRow, rowCount, dimensions, clusterCount);
}
