namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The silhouette part of <see cref="CpuWorkspace"/>. Point-to-point distances use the CPU kernels'
/// formula: norms and dot products as chains of fused multiply-adds in column order, then
/// <c>max(0, ‖a‖² + ‖b‖² − 2·a·b)</c> with the last step fused as in the micro-kernel, so a row's distance to
/// an identical row is exactly 0. Each sampled row is one work item that owns its output row, and sums in
/// sample order, so the result does not depend on the thread schedule.
/// </summary>
internal sealed partial class CpuWorkspace
{
    public void ComputeClusterDistanceSums(ReadOnlySpan<int> rows, ReadOnlySpan<int> sampleLabels, int clusterCount, Span<double> sums)
    {
        int m = rows.Length;
        if (m == 0)
            return;

        var sample = rows.ToArray();
        var labels = sampleLabels.ToArray();
        var output = new double[m * clusterCount];
        var norms = _points.Norms;
        int d = Dimensions;
        Parallel.For(0, m, t =>
        {
            var values = _points.Values.Span;
            int row = sample[t];
            var x = values.Slice(row * d, d);
            float rowNorm = norms[row];
            var sumsOfT = output.AsSpan(t * clusterCount, clusterCount);
            for (int u = 0; u < m; u++)
            {
                if (u == t)
                    continue;
                int other = sample[u];
                var y = values.Slice(other * d, d);
                float dot = 0f;
                for (int j = 0; j < d; j++)
                    dot = MathF.FusedMultiplyAdd(x[j], y[j], dot);
                float distance = MathF.FusedMultiplyAdd(dot, -2f, rowNorm + norms[other]);
                sumsOfT[labels[u]] += Math.Sqrt(distance > 0f ? distance : 0f);
            }
        });
        output.CopyTo(sums);
    }
}
