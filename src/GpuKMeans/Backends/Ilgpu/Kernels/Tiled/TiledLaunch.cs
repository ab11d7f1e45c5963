using System.Reflection;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// Loads the tiled kernels for a tile configuration and launches them with the grid the configuration
/// implies: ⌈rows / BM⌉ groups of ThreadsPoints · ThreadsCentroids threads (one dimension each).
/// </summary>
internal static class TiledLaunch
{
    /// <summary>Launcher of <see cref="TiledArgminKernel.Assign{TConfig}"/>.</summary>
    public delegate void AssignLauncher(
        AcceleratorStream stream, KernelConfig config,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<int> labels, ArrayView<float> minDistances, int pointCount, int dimensions, int clusterCount);

    /// <summary>Launcher of <see cref="TiledDistanceMatrixKernel.Run{TConfig}"/>.</summary>
    public delegate void DistanceMatrixLauncher(
        AcceleratorStream stream, KernelConfig config,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<float> distances, int firstRow, int rowCount, int dimensions, int clusterCount);

    /// <summary>The closed assignment kernel method for <typeparamref name="TConfig"/>.</summary>
    public static MethodInfo AssignMethod<TConfig>() where TConfig : struct, ITileConfig =>
        Method(nameof(TiledArgminKernel.Assign), typeof(TiledArgminKernel), typeof(TConfig));

    /// <summary>The closed distance-matrix kernel method for <typeparamref name="TConfig"/>.</summary>
    public static MethodInfo DistanceMatrixMethod<TConfig>() where TConfig : struct, ITileConfig =>
        Method(nameof(TiledDistanceMatrixKernel.Run), typeof(TiledDistanceMatrixKernel), typeof(TConfig));

    /// <summary>Compiles the assignment for <paramref name="accelerator"/> (checks the configuration fits it).</summary>
    public static AssignLauncher LoadAssign<TConfig>(Accelerator accelerator) where TConfig : struct, ITileConfig =>
        Load<TConfig, AssignLauncher>(accelerator, AssignMethod<TConfig>(), TileShape.ArgminSpecialization<TConfig>(Architecture(accelerator)));

    /// <summary>Compiles the distance matrix for <paramref name="accelerator"/>.</summary>
    public static DistanceMatrixLauncher LoadDistanceMatrix<TConfig>(Accelerator accelerator) where TConfig : struct, ITileConfig =>
        Load<TConfig, DistanceMatrixLauncher>(accelerator, DistanceMatrixMethod<TConfig>(), KernelSpecialization.Empty);

    /// <summary>Labels and minimum distances of the first <paramref name="pointCount"/> points.</summary>
    public static void Assign<TConfig>(
        AssignLauncher launcher, AcceleratorStream stream,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<int> labels, ArrayView<float> minDistances, int pointCount, int dimensions, int clusterCount)
        where TConfig : struct, ITileConfig
    {
        if (pointCount > 0 && clusterCount > 0)
            launcher(stream, Grid<TConfig>(pointCount), points, pointNorms, centroids, centroidNorms,
                labels, minDistances, pointCount, dimensions, clusterCount);
    }

    /// <summary>Rows [firstRow, firstRow + rowCount) of the distance matrix into <paramref name="distances"/>.</summary>
    public static void DistanceMatrix<TConfig>(
        DistanceMatrixLauncher launcher, AcceleratorStream stream,
        ArrayView<float> points, ArrayView<float> pointNorms, ArrayView<float> centroids, ArrayView<float> centroidNorms,
        ArrayView<float> distances, int firstRow, int rowCount, int dimensions, int clusterCount)
        where TConfig : struct, ITileConfig
    {
        if (rowCount > 0 && clusterCount > 0)
            launcher(stream, Grid<TConfig>(rowCount), points, pointNorms, centroids, centroidNorms,
                distances, firstRow, rowCount, dimensions, clusterCount);
    }

    /// <summary>⌈rows / BM⌉ groups of the configuration's thread count.</summary>
    public static KernelConfig Grid<TConfig>(int rows) where TConfig : struct, ITileConfig
    {
        int blockPoints = TileShape.BlockPoints<TConfig>();
        return new KernelConfig(new Index1D((rows + blockPoints - 1) / blockPoints), new Index1D(TileShape.Threads<TConfig>()));
    }

    private static TLauncher Load<TConfig, TLauncher>(Accelerator accelerator, MethodInfo method, KernelSpecialization specialization)
        where TConfig : struct, ITileConfig
        where TLauncher : Delegate
    {
        TileShape.Validate<TConfig>(accelerator.MaxNumThreadsPerGroup);
        return accelerator.LoadKernel(method, specialization).CreateLauncherDelegate<TLauncher>();
    }

    private static CudaArchitecture? Architecture(Accelerator accelerator) =>
        accelerator is CudaAccelerator cuda ? cuda.Architecture : null;

    private static MethodInfo Method(string name, Type kernels, Type config) =>
        kernels.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(config);
}
