using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>The silhouette part of <see cref="IlgpuWorkspace"/>.</summary>
internal sealed partial class IlgpuWorkspace
{
    public void ComputeClusterDistanceSums(ReadOnlySpan<int> rows, ReadOnlySpan<int> sampleLabels, int clusterCount, Span<double> sums)
    {
        int m = rows.Length;
        if (m == 0)
            return;

        // Scratch for this call only: a silhouette is computed once per model, not once per iteration.
        using var sampleRows = _accelerator.Allocate1D<int>(m);
        using var labels = _accelerator.Allocate1D<int>(m);
        labels.View.CopyFromCPU(_stream, sampleLabels[..m]);
        using var output = _accelerator.Allocate1D<double>((long)m * clusterCount);
        sampleRows.View.CopyFromCPU(_stream, rows);
        _kernels.ClusterDistanceSums(_stream, m, _points.View, _pointNorms.View, labels.View, sampleRows.View, output.View,
            m, Dimensions, clusterCount);
        output.View.CopyToCPU(_stream, sums[..(m * clusterCount)]);
    }
}
