using GpuKMeans.Backends;
using GpuKMeans.Data;
using Orleans.Runtime;

namespace GpuKMeans.Orleans;

/// <summary>
/// The shard grain: its rows resident on the worker's device (<see cref="Residency"/>: streamed if they exceed its
/// memory budget), one workspace per fit, every call answered by the device's own workspace — the same code a local
/// sharded fit runs. Calls to one activation never overlap (Orleans runs them one at a time).
/// </summary>
[ShardPlacement]
internal sealed class KMeansShardGrain(WorkerDevice device, ILocalSiloDetails silo) : Grain, IKMeansShardGrain
{
    private FilePointSource? _file;
    private IResidentPoints? _points;
    private IFitWorkspace? _workspace;
    private ShardInfo? _info;

    public Task<ShardInfo> Load(ShardSpec spec)
    {
        if (_info is not null)
            return Task.FromResult(_info);
        var backend = device.Device.Backend;
        var file = new FilePointSource(spec.Path, spec.DataOffset + (long)spec.FirstRow * spec.Dimensions * sizeof(float), spec.RowCount, spec.Dimensions);
        try
        {
            var conditioning = Conditioning.Of(spec.ConditioningOffset, spec.ConditioningExponent);
            IPointSource rows = conditioning.IsNone ? file : new ConditionedPointSource(file, conditioning);
            _points = Residency.Upload(backend, rows, [], budget: null);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _file = file;
        _info = new ShardInfo(silo.SiloAddress.Endpoint.ToString(), backend.Name, backend.DeviceName);
        return Task.FromResult(_info);
    }

    public Task CreateWorkspace()
    {
        _workspace?.Dispose();
        _workspace = Points.CreateWorkspace();
        return Task.CompletedTask;
    }

    public Task SetCentroids(float[] centroids, int clusterCount) => Do(w => w.SetCentroids(centroids, clusterCount));

    public Task ResetLabels() => Do(w => w.ResetLabels());

    public Task<ShardStatistics> AssignAndReduce() => Get(w =>
    {
        var s = w.AssignAndReduce();
        return new ShardStatistics(s.Sums, s.Weights, s.Inertia, s.LabelChangeCount);
    });

    public Task<double> ExactInertia() => Get(w => w.ExactInertia());

    public Task<int[]> CopyLabels() => Get(w =>
    {
        var labels = new int[w.Count];
        w.CopyLabels(labels);
        return labels;
    });

    public Task<float[]> CopyMinDistances() => Get(w =>
    {
        var distances = new float[w.Count];
        w.CopyMinDistances(distances);
        return distances;
    });

    public Task<float[]> CopyRows(int[] rows) => Get(w =>
    {
        var values = new float[rows.Length * w.Dimensions];
        w.CopyRows(rows, values);
        return values;
    });

    public Task ResetClosest() => Do(w => w.ResetClosest());

    public Task SetClosest(float[] closest) => Do(w => w.SetClosest(closest));

    public Task UpdateClosest(float[] centre, int firstRow, int rowCount) => Do(w => w.UpdateClosest(centre, firstRow, rowCount));

    public Task<double[]> SeedingPass(float[] pending, float[] candidates, int blockSize) => Get(w =>
    {
        var sums = new double[candidates.Length / w.Dimensions * PartitionRules.BlockCount(w.Count, blockSize)];
        w.SeedingPass(pending, candidates, blockSize, sums);
        return sums;
    });

    public Task<float[]> CopyClosest(int firstRow, int rowCount) => Get(w =>
    {
        var closest = new float[rowCount];
        w.CopyClosest(firstRow, closest);
        return closest;
    });

    public Task<float[]> ComputeDistances(int firstRow, int rowCount, int clusterCount) => Get(w =>
    {
        var distances = new float[(long)rowCount * clusterCount];
        w.ComputeDistances(firstRow, rowCount, distances);
        return distances;
    });

    public Task<double[]> ComputeClusterDistanceSums(int[] rows, int[] sampleLabels, int clusterCount) => Get(w =>
    {
        var sums = new double[(long)rows.Length * clusterCount];
        w.ComputeClusterDistanceSums(rows, sampleLabels, clusterCount, sums);
        return sums;
    });

    public Task DisposeWorkspace()
    {
        _workspace?.Dispose();
        _workspace = null;
        return Task.CompletedTask;
    }

    public Task Unload()
    {
        Release();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    private IResidentPoints Points => _points ?? throw new InvalidOperationException(
        $"Shard {this.GetPrimaryKeyString()} on worker {silo.SiloAddress.Endpoint} holds no rows: it was re-activated here after its worker left, or never loaded.");

    private IFitWorkspace Workspace
    {
        get
        {
            var workspace = _workspace ?? throw new InvalidOperationException(
                $"Shard {this.GetPrimaryKeyString()} on worker {silo.SiloAddress.Endpoint} has no fit in progress: it was re-activated here after its worker left.");
            workspace.BindCurrentThread();
            return workspace;
        }
    }

    private Task Do(Action<IFitWorkspace> call)
    {
        call(Workspace);
        return Task.CompletedTask;
    }

    private Task<T> Get<T>(Func<IFitWorkspace, T> call) => Task.FromResult(call(Workspace));

    private void Release()
    {
        _workspace?.Dispose();
        _workspace = null;
        _points?.Dispose();
        _points = null;
        _file?.Dispose();
        _file = null;
        _info = null;
    }
}
