using System.Net;
using GpuKMeans.Backends;
using GpuKMeans.Backends.Sharding;
using GpuKMeans.Data;
using GpuKMeans.Solver;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace GpuKMeans.Orleans;

/// <summary>
/// A client of a GpuKMeans Orleans cluster (workers started with <c>gpukmeans worker</c> or
/// <see cref="KMeansWorkerHosting.AddKMeansWorker"/>) that fits k-means over row shards of a file held by the workers.
/// The fit is the library's own solver loop (<c>KMeansSolver</c>) over the shards as a sharded point set: each call goes
/// to every shard at once and the answers merge in shard order, so the result equals, bit for bit, a local fit on
/// <c>KMeansDevice.Create(backend, [0..shards−1])</c> of the same file (same partition, same sums, same order).
/// </summary>
/// <remarks>
/// The coordinator (this process) reads the whole file once before the fit to validate it and to compute the host-side
/// facts (conditioning, mean variance for the tolerance), so it must see the file at the same path as the workers.
/// Per Lloyd iteration each shard receives the <c>k × d</c> centroids and returns <c>k·(d+1)</c> doubles of sums and weights.
/// </remarks>
public sealed class KMeansCluster : IDisposable
{
    /// <summary>
    /// The init method a cluster fit uses unless told otherwise (the CLI's <c>fit --cluster</c> without <c>--init</c>).
    /// The one place the cluster default is chosen: k-means‖ (its draws hash the global row, so they do not depend on the
    /// shards, and it needs a few passes over the network where k-means++ needs one per centre).
    /// </summary>
    public const KMeansInitMethod DefaultInit = KMeansInitMethod.KMeansParallel;

    private readonly IHost? _host;

    private KMeansCluster(IClusterClient client, IHost? host)
    {
        Client = client;
        _host = host;
    }

    /// <summary>The Orleans client in use.</summary>
    public IClusterClient Client { get; }

    /// <summary>How long one call to a shard may take before its worker counts as lost (default 20 s); loading a shard may take an hour.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Connects to the cluster through <paramref name="gateways"/> (the workers' gateway endpoints; any one reachable is
    /// enough), waiting at most <paramref name="connectTimeout"/> (default 30 s).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="gateways"/> is empty.</exception>
    /// <exception cref="TimeoutException">No gateway answered in time (the message lists them).</exception>
    public static KMeansCluster Connect(IReadOnlyList<IPEndPoint> gateways, TimeSpan? connectTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        if (gateways.Count == 0)
            throw new ArgumentException("gateways is empty: name at least one worker's gateway endpoint.", nameof(gateways));
        var timeout = connectTimeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + timeout;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering([.. gateways]);
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (KMeansWorkerHosting.ClusterId, KMeansWorkerHosting.ServiceId));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
            client.UseConnectionRetryFilter(async (_, ct) =>
            {
                if (DateTime.UtcNow >= deadline)
                    return false;
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            host.StartAsync(cts.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            host.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"No worker gateway answered within {timeout.TotalSeconds:F0} s at {string.Join(", ", gateways)}: are the workers running? ({e.Message})", e);
        }
        return new KMeansCluster(host.Services.GetRequiredService<IClusterClient>(), host);
    }

    /// <summary>Uses an Orleans client the caller owns (and disposes), e.g. a test cluster's.</summary>
    public static KMeansCluster FromClient(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new KMeansCluster(client, null);
    }

    /// <summary>
    /// Fits k-means on the rows of <paramref name="input"/>, split in <paramref name="shardCount"/> contiguous shards
    /// (boundaries on k-means++ blocks, as a local sharded device splits them) spread evenly over the workers.
    /// </summary>
    /// <param name="options">The fit's options (<see cref="KMeansOptions.Backend"/> is ignored: each worker uses its own device).</param>
    /// <param name="input">The file; the coordinator and the workers must all read it at this path.</param>
    /// <param name="shardCount">Number of row shards (at least 1; more shards than workers puts several on one worker).</param>
    /// <param name="progress">Receives every iteration's statistics.</param>
    /// <param name="cancellationToken">Checked before each run, k-means++ centre and iteration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shardCount"/> or an option is out of range.</exception>
    /// <exception cref="ArgumentException">The file is shorter than the rows, holds NaN/∞ (row and column named), or has fewer rows than clusters.</exception>
    /// <exception cref="KMeansWorkerLostException">A worker left or stopped answering during the fit (the message names it).</exception>
    public KMeansClusterFit Fit(
        KMeansOptions options, KMeansClusterInput input, int shardCount,
        IProgress<KMeansIterationStats>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(input);
        KMeans.CheckOptions(options);
        if (shardCount < 1)
            throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, $"shardCount must be at least 1, got {shardCount}.");
        using var file = KMeansPointSource.FromFloat32File(input.Path, input.Dimensions, input.Rows, input.DataOffset);
        var source = file.Open();
        PointData.CheckSource(source, nameof(input));
        int n = source.Count;
        if (options.ClusterCount > n)
            throw new ArgumentException(
                $"{input.Path} has {n} rows, fewer than ClusterCount={options.ClusterCount}: k-means needs at least as many points as clusters.", nameof(input));
        var (conditioning, _, meanVariance) = FitInput.HostFacts(source, []);

        var shards = Load(input, shardCount, conditioning, n);
        var infos = shards.Select(s => s.Info).ToArray();
        using var backend = new ClusterBackend(infos);
        var parts = shards.Select(s => (IResidentPoints)new RemoteShardPoints(s.Caller, s.Rows, input.Dimensions)).ToList();
        using var fitInput = FitInput.Over(backend, new ShardedResidentPoints(backend, parts), [], meanVariance, conditioning);
        KMeansResult result;
        try
        {
            result = KMeansSolver.Fit(options, fitInput, progress, cancellationToken);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<KMeansWorkerLostException>().FirstOrDefault() is { } lost)
        {
            // The shards are called in parallel (Parallel.For wraps their failures): report the lost worker itself.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(lost);
            throw;
        }
        return new KMeansClusterFit(result, [.. infos.Select(i => i.Worker)], [.. infos.Select(i => $"{i.Backend}: {i.Device}")]);
    }

    /// <summary>Loads every non-empty shard on its grain, all at once; on a failure, unloads those that loaded.</summary>
    private List<(ShardCaller Caller, ShardInfo Info, int Rows)> Load(KMeansClusterInput input, int shardCount, Conditioning conditioning, int n)
    {
        var bounds = ShardedResidentPoints.Boundaries(n, shardCount, PartitionRules.SeedingBlockSize(n));
        string fit = Guid.NewGuid().ToString("N");
        var pending = new List<(int Shard, int First, int Rows, IKMeansShardGrain Grain, Task<ShardInfo> Load)>();
        for (int s = 0; s < shardCount; s++)
        {
            int first = bounds[s], rows = bounds[s + 1] - bounds[s];
            if (rows == 0)
                continue;   // fewer k-means++ blocks than shards, as a local sharded device skips them
            var grain = Client.GetGrain<IKMeansShardGrain>($"{fit}/{s}");
            var spec = new ShardSpec(input.Path, input.DataOffset, first, rows, input.Dimensions, conditioning.Offset, conditioning.Exponent);
            pending.Add((s, first, rows, grain, grain.Load(spec)));
        }
        try
        {
            Task.WhenAll(pending.Select(p => p.Load)).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            foreach (var p in pending.Where(p => p.Load.IsCompletedSuccessfully))
                _ = p.Grain.Unload();
            var failed = pending.First(p => !p.Load.IsCompletedSuccessfully);
            if (failed.Load.Exception?.InnerException is ArgumentException or IOException and not KMeansWorkerLostException)
                throw new ArgumentException($"shard {failed.Shard} could not read {input.Path}: {failed.Load.Exception.InnerException.Message}", nameof(input), e);
            throw ShardCaller.Lost("(not yet known: the shard never loaded)", failed.Shard, failed.First, failed.Rows, e);
        }
        return [.. pending.Select(p => (new ShardCaller(p.Grain, p.Shard, p.First, p.Rows, p.Load.Result.Worker, CallTimeout), p.Load.Result, p.Rows))];
    }

    /// <summary>Disconnects, if this object connected.</summary>
    public void Dispose()
    {
        if (_host is null)
            return;
        try
        {
            _host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
