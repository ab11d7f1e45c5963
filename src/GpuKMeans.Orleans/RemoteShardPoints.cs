using GpuKMeans.Backends;

namespace GpuKMeans.Orleans;

/// <summary>
/// One loaded shard grain as the library's <see cref="IResidentPoints"/>: a part of a
/// <see cref="Backends.Sharding.ShardedResidentPoints"/>, so the solver's own loop drives the cluster. Disposing it unloads the shard.
/// </summary>
internal sealed class RemoteShardPoints(ShardCaller caller, int count, int dimensions) : IResidentPoints
{
    private bool _disposed;

    public int Count => count;

    public int Dimensions => dimensions;

    public IFitWorkspace CreateWorkspace(bool ownsPoints = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        caller.Call(g => g.CreateWorkspace());
        return new RemoteShardWorkspace(caller, count, dimensions, ownsPoints ? this : null);
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            caller.Call(g => g.Unload());
        }
        catch (KMeansWorkerLostException)
        {
            // Its worker is gone, and its rows with it: nothing is left to free.
        }
    }
}
