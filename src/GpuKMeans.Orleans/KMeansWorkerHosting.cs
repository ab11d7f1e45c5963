using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace GpuKMeans.Orleans;

/// <summary>Makes an Orleans silo a GpuKMeans worker: shard grains on the silo's device, placed evenly, failures seen fast.</summary>
public static class KMeansWorkerHosting
{
    /// <summary>The cluster id the worker command and <see cref="KMeansCluster.Connect"/> use.</summary>
    public const string ClusterId = "gpukmeans";

    /// <summary>The service id the worker command and <see cref="KMeansCluster.Connect"/> use.</summary>
    public const string ServiceId = "gpukmeans";

    /// <summary>
    /// Registers the shard grains' device (<paramref name="backend"/>, opened on first use), their placement (shard
    /// <c>s</c> on silo <c>s mod m</c>) and membership settings under which a dead worker is declared dead within seconds
    /// (probe timeout 2 s, 3 missed probes; 1 s and 2 moved shards in 0.7 s here, but a loaded machine then evicts healthy
    /// workers) instead of Orleans' default 10 s. Calls to a killed worker fail at once in any case: its connections close.
    /// </summary>
    public static ISiloBuilder AddKMeansWorker(this ISiloBuilder silo, KMeansBackend backend = KMeansBackend.Auto)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton(_ => new WorkerDevice(backend));
        silo.Services.AddPlacementDirector<ShardPlacement, ShardPlacementDirector>();
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
        });
        return silo;
    }

    /// <summary>
    /// A development worker on this machine: localhost clustering on <paramref name="siloPort"/> and
    /// <paramref name="gatewayPort"/>, joining the primary at <paramref name="primary"/> (null: this is the primary, which
    /// holds the membership table — if it dies the cluster cannot recover; production clusters use a membership
    /// provider such as ADO.NET, Azure Tables, Redis or Kubernetes instead).
    /// </summary>
    public static ISiloBuilder UseKMeansDevelopmentWorker(this ISiloBuilder silo, int siloPort, int gatewayPort, IPEndPoint? primary, KMeansBackend backend = KMeansBackend.Auto)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseLocalhostClustering(siloPort, gatewayPort, primary, ServiceId, ClusterId);
        return silo.AddKMeansWorker(backend);
    }
}
