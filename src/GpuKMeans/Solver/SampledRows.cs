using GpuKMeans.Backends;

namespace GpuKMeans.Solver;

/// <summary>Rows drawn by <see cref="BatchSampler"/>: their workspace (disposed with this), host values and weights.</summary>
/// <param name="Workspace">A workspace over the uploaded rows, which it owns.</param>
/// <param name="Values">The rows on the host, row-major, conditioned as the fit's points.</param>
/// <param name="Weights">Their weights, or empty when every weight is 1.</param>
internal sealed record SampledRows(IFitWorkspace Workspace, ReadOnlyMemory<float> Values, ReadOnlyMemory<float> Weights) : IDisposable
{
    public void Dispose() => Workspace.Dispose();
}
