namespace GpuKMeans.Backends.Sharding;

/// <summary>
/// One fit over <see cref="ShardedResidentPoints"/>: every call goes to all shards at once (one worker thread per
/// shard, bound to its device) and their answers are combined in shard order — partial statistics merged, potentials
/// added, labels and distances concatenated — so the result is bit-identical run to run whatever the thread timing.
/// </summary>
internal sealed class ShardedWorkspace : IFitWorkspace, ILloydPruning
{
    private readonly ShardedResidentPoints _points;
    private readonly bool _ownsPoints;
    private readonly IFitWorkspace[] _parts;

    public ShardedWorkspace(ShardedResidentPoints points, bool ownsPoints)
    {
        _points = points;
        _ownsPoints = ownsPoints;
        _parts = new IFitWorkspace[points.Parts.Count];
        try
        {
            for (int s = 0; s < _parts.Length; s++)
                _parts[s] = points.Parts[s].CreateWorkspace();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Count => _points.Count;

    public int Dimensions => _points.Dimensions;

    /// <summary>Each shard prunes (or not) its own points: the choice goes to every shard that can.</summary>
    public void UseAlgorithm(KMeansAlgorithm algorithm, int clusterCount)
    {
        foreach (var part in _parts)
            (part as ILloydPruning)?.UseAlgorithm(algorithm, clusterCount);
    }

    public void SetCentroids(ReadOnlySpan<float> centroids, int clusterCount)
    {
        var copy = centroids[..(clusterCount * Dimensions)].ToArray();
        OnEveryShard(part => part.SetCentroids(copy, clusterCount));
    }

    public void ResetLabels() => OnEveryShard(part => part.ResetLabels());

    public PartialStatistics AssignAndReduce(CancellationToken cancellationToken = default)
    {
        var parts = OnEveryShard(part => part.AssignAndReduce(cancellationToken));
        var merged = parts[0];
        for (int s = 1; s < parts.Length; s++)
            merged = merged.Merge(parts[s]);
        return merged;
    }

    public double ExactInertia()
    {
        double total = 0;
        foreach (double part in OnEveryShard(part => part.ExactInertia()))
            total += part;
        return total;
    }

    public void CopyLabels(Span<int> labels)
    {
        for (int s = 0; s < _parts.Length; s++)
            _parts[s].CopyLabels(labels.Slice(_points.FirstRows[s], _parts[s].Count));
    }

    public void CopyMinDistances(Span<float> distances)
    {
        for (int s = 0; s < _parts.Length; s++)
            _parts[s].CopyMinDistances(distances.Slice(_points.FirstRows[s], _parts[s].Count));
    }

    /// <summary>One call per shard holding any of the rows (a remote shard costs a round trip per call), in shard order.</summary>
    public void CopyRows(ReadOnlySpan<int> rows, Span<float> destination)
    {
        int d = Dimensions;
        var locals = new List<int>[_parts.Length];
        var positions = new List<int>[_parts.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            var (shard, local) = Locate(rows[r]);
            (locals[shard] ??= []).Add(local);
            (positions[shard] ??= []).Add(r);
        }
        for (int s = 0; s < _parts.Length; s++)
        {
            if (locals[s] is not { } wanted)
                continue;
            var values = new float[wanted.Count * d];
            _parts[s].CopyRows(wanted.ToArray(), values);
            for (int i = 0; i < wanted.Count; i++)
                values.AsSpan(i * d, d).CopyTo(destination.Slice(positions[s]![i] * d, d));
        }
    }

    public void ResetClosest() => OnEveryShard(part => part.ResetClosest());

    public void SetClosest(ReadOnlySpan<float> closest)
    {
        PartitionRules.CheckPerPoint(closest.Length, Count, nameof(closest));
        for (int s = 0; s < _parts.Length; s++)
            _parts[s].SetClosest(closest.Slice(_points.FirstRows[s], _parts[s].Count));
    }

    public void UpdateClosest(ReadOnlySpan<float> centre, int firstRow, int rowCount)
    {
        PartitionRules.CheckRows(centre.Length, Dimensions, nameof(centre));
        SeedingOperations.CheckRange(firstRow, rowCount, Count);
        foreach (var (part, localFirst, _, rows) in Ranges(firstRow, rowCount))
        {
            _parts[part].BindCurrentThread();
            _parts[part].UpdateClosest(centre, localFirst, rows);
        }
    }

    /// <summary>
    /// Every shard makes its own pass over its blocks: the shard boundaries fall on multiples of the k-means++ block
    /// size (<see cref="ShardedResidentPoints.Boundaries"/>), so the blocks are the single device's, bit for bit.
    /// </summary>
    /// <exception cref="InvalidOperationException">A shard boundary is not a multiple of <paramref name="blockSize"/>.</exception>
    public void SeedingPass(ReadOnlySpan<float> pending, ReadOnlySpan<float> candidates, int blockSize, Span<double> candidateBlockSums)
    {
        var (count, blocks) = SeedingOperations.CheckPass(pending, candidates, blockSize, candidateBlockSums.Length, Count, Dimensions);
        for (int s = 1; s < _parts.Length; s++)
            if (_points.FirstRows[s] % blockSize != 0)
                throw new InvalidOperationException(
                    $"Shard {s} starts at row {_points.FirstRows[s]}, not a multiple of the block size {blockSize}.");
        var pendingCopy = pending.ToArray();
        var candidateCopy = candidates.ToArray();
        var parts = OnEveryShard(part =>
        {
            var sums = new double[count * PartitionRules.BlockCount(part.Count, blockSize)];
            part.SeedingPass(pendingCopy, candidateCopy, blockSize, sums);
            return sums;
        });
        for (int s = 0; s < parts.Length; s++)
            SplitPointsOperations.PlaceBlockSums(parts[s], count, _points.FirstRows[s] / blockSize, candidateBlockSums, blocks);
    }

    public void CopyClosest(int firstRow, Span<float> destination)
    {
        foreach (var (part, localFirst, offset, rows) in Ranges(firstRow, destination.Length))
            _parts[part].CopyClosest(localFirst, destination.Slice(offset, rows));
    }

    public void ComputeDistances(int firstRow, int rowCount, Span<float> distances)
    {
        int k = distances.Length / Math.Max(1, rowCount);
        foreach (var (part, localFirst, offset, rows) in Ranges(firstRow, rowCount))
            _parts[part].ComputeDistances(localFirst, rows, distances.Slice(offset * k, rows * k));
    }

    public void ComputeClusterDistanceSums(ReadOnlySpan<int> rows, ReadOnlySpan<int> sampleLabels, int clusterCount, Span<double> sums) =>
        SplitPointsOperations.ClusterDistanceSums(_points.SampleBackend, this, rows, sampleLabels, clusterCount, sums);

    public void Dispose()
    {
        foreach (var part in _parts)
            part?.Dispose();
        if (_ownsPoints)
            _points.Dispose();
    }

    private (int Shard, int Local) Locate(int row)
    {
        if ((uint)row >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(row), row, "A row is out of range.");
        int shard = Array.BinarySearch(_points.FirstRows, row);
        if (shard < 0)
            shard = ~shard - 1;
        while (shard + 1 < _parts.Length && _points.FirstRows[shard + 1] == row)
            shard++;   // skip empty shards
        return (shard, row - _points.FirstRows[shard]);
    }

    /// <summary>The pieces of rows <c>[firstRow, firstRow + rowCount)</c> on each shard: shard, first local row, offset in the range, rows.</summary>
    private IEnumerable<(int Part, int LocalFirst, int Offset, int Rows)> Ranges(int firstRow, int rowCount)
    {
        int end = firstRow + rowCount;
        for (int s = 0; s < _parts.Length; s++)
        {
            int first = _points.FirstRows[s];
            int from = Math.Max(first, firstRow), to = Math.Min(first + _parts[s].Count, end);
            if (from < to)
                yield return (s, from - first, from - firstRow, to - from);
        }
    }

    private void OnEveryShard(Action<IFitWorkspace> action) => OnEveryShard(part =>
    {
        action(part);
        return 0;
    });

    /// <summary>Runs <paramref name="call"/> on every shard, each on a thread of its own bound to its device; results in shard order.</summary>
    private T[] OnEveryShard<T>(Func<IFitWorkspace, T> call)
    {
        var results = new T[_parts.Length];
        if (_parts.Length == 1)
        {
            results[0] = call(_parts[0]);
            return results;
        }
        Parallel.For(0, _parts.Length, new ParallelOptions { MaxDegreeOfParallelism = _parts.Length }, s =>
        {
            _parts[s].BindCurrentThread();
            results[s] = call(_parts[s]);
        });
        return results;
    }
}
