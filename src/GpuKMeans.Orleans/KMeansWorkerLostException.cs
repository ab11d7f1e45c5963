namespace GpuKMeans.Orleans;

/// <summary>
/// A cluster fit lost a shard: its worker left or stopped answering, so the fit stopped instead of returning a result
/// computed without those rows. The message names the worker, the shard and its rows; fit again once the cluster is
/// whole (the input file is never written, so it is unchanged).
/// </summary>
public sealed class KMeansWorkerLostException : IOException
{
    /// <summary>Creates the exception for shard <paramref name="shard"/> on <paramref name="worker"/>.</summary>
    public KMeansWorkerLostException(string worker, int shard, string message, Exception? inner)
        : base(message, inner)
    {
        Worker = worker;
        Shard = shard;
    }

    /// <summary>The lost worker's silo endpoint, <c>HOST:PORT</c>.</summary>
    public string Worker { get; }

    /// <summary>The index of the shard that was lost.</summary>
    public int Shard { get; }
}
