namespace GpuKMeans.Orleans;

/// <summary>
/// Calls one shard grain synchronously for the solver (whose workspace contract is synchronous): each call waits at most
/// <see cref="Timeout"/>, and any failure becomes a <see cref="KMeansWorkerLostException"/> that names the
/// shard's worker. The solver calls from its own or thread-pool threads, which carry no synchronization context, so
/// blocking on the grain call cannot deadlock (the reply completes on the thread pool).
/// </summary>
internal sealed class ShardCaller(IKMeansShardGrain grain, int shard, int firstRow, int rowCount, string worker, TimeSpan timeout)
{
    private volatile KMeansWorkerLostException? _lost;

    public IKMeansShardGrain Grain => grain;

    public string Worker => worker;

    public TimeSpan Timeout => timeout;

    public void Call(Func<IKMeansShardGrain, Task> call) => Call(async g =>
    {
        await call(g).ConfigureAwait(false);
        return 0;
    });

    public T Call<T>(Func<IKMeansShardGrain, Task<T>> call)
    {
        if (_lost is not null)
            throw _lost;   // no second wait on a worker already gone (the workspace's disposal after a failure)
        try
        {
            return Task.Run(() => call(grain)).WaitAsync(timeout).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw _lost = Lost(worker, shard, firstRow, rowCount, e);
        }
    }

    /// <summary>The exception for shard <paramref name="shard"/> on <paramref name="worker"/> failing with <paramref name="cause"/>.</summary>
    public static KMeansWorkerLostException Lost(string worker, int shard, int firstRow, int rowCount, Exception cause)
    {
        string why = cause is TimeoutException ? "did not answer in time" : $"failed ({cause.GetType().Name}: {cause.Message})";
        return new KMeansWorkerLostException(worker, shard,
            $"worker {worker} was lost: shard {shard} (rows {firstRow}–{firstRow + rowCount - 1}) {why}. "
            + "The fit stopped; start the worker again (or fit with the workers left) and rerun it.", cause);
    }
}
