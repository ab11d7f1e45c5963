using GpuKMeans.Backends;

namespace GpuKMeans.Orleans;

/// <summary>
/// The fit state of one shard grain, seen through the library's <see cref="IFitWorkspace"/>: every call is forwarded to the
/// grain and waited for (<see cref="ShardCaller"/>). Arrays cross the network; spans are copied in and out.
/// </summary>
internal sealed class RemoteShardWorkspace(ShardCaller caller, int count, int dimensions, IResidentPoints? owned) : IFitWorkspace
{
    private int _clusterCount;

    public int Count => count;

    public int Dimensions => dimensions;

    public void SetCentroids(ReadOnlySpan<float> centroids, int clusterCount)
    {
        var values = centroids[..(clusterCount * dimensions)].ToArray();
        caller.Call(g => g.SetCentroids(values, clusterCount));
        _clusterCount = clusterCount;
    }

    public void ResetLabels() => caller.Call(g => g.ResetLabels());

    public PartialStatistics AssignAndReduce(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var s = caller.Call(g => g.AssignAndReduce());
        return new PartialStatistics(s.Sums, s.Weights, s.Inertia, s.LabelChangeCount);
    }

    public double ExactInertia() => caller.Call(g => g.ExactInertia());

    public void CopyLabels(Span<int> labels) => caller.Call(g => g.CopyLabels()).CopyTo(labels);

    public void CopyMinDistances(Span<float> distances) => caller.Call(g => g.CopyMinDistances()).CopyTo(distances);

    public void CopyRows(ReadOnlySpan<int> rows, Span<float> destination)
    {
        var wanted = rows.ToArray();
        caller.Call(g => g.CopyRows(wanted)).CopyTo(destination);
    }

    public void ResetClosest() => caller.Call(g => g.ResetClosest());

    public void SetClosest(ReadOnlySpan<float> closest)
    {
        var values = closest.ToArray();
        caller.Call(g => g.SetClosest(values));
    }

    public void UpdateClosest(ReadOnlySpan<float> centre, int firstRow, int rowCount)
    {
        var values = centre.ToArray();
        caller.Call(g => g.UpdateClosest(values, firstRow, rowCount));
    }

    public void SeedingPass(ReadOnlySpan<float> pending, ReadOnlySpan<float> candidates, int blockSize, Span<double> candidateBlockSums)
    {
        var centre = pending.ToArray();
        var values = candidates.ToArray();
        caller.Call(g => g.SeedingPass(centre, values, blockSize)).CopyTo(candidateBlockSums);
    }

    public void CopyClosest(int firstRow, Span<float> destination)
    {
        int rows = destination.Length;
        caller.Call(g => g.CopyClosest(firstRow, rows)).CopyTo(destination);
    }

    public void ComputeDistances(int firstRow, int rowCount, Span<float> distances)
    {
        int k = _clusterCount;
        caller.Call(g => g.ComputeDistances(firstRow, rowCount, k)).CopyTo(distances);
    }

    public void ComputeClusterDistanceSums(ReadOnlySpan<int> rows, ReadOnlySpan<int> sampleLabels, int clusterCount, Span<double> sums)
    {
        var wanted = rows.ToArray();
        var labels = sampleLabels.ToArray();
        caller.Call(g => g.ComputeClusterDistanceSums(wanted, labels, clusterCount)).CopyTo(sums);
    }

    public void Dispose()
    {
        try
        {
            caller.Call(g => g.DisposeWorkspace());
        }
        catch (KMeansWorkerLostException)
        {
            // The worker is gone: so is this fit's state on it.
        }
        owned?.Dispose();
    }
}
