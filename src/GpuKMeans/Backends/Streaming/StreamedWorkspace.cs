namespace GpuKMeans.Backends.Streaming;

/// <summary>
/// One fit over <see cref="StreamedResidentPoints"/>. The per-point state (labels, distances, closest distances) lives
/// on the host; every pass loads the chunks into two device slots in turn — chunk c + 1 is copied into one slot while
/// the device works on chunk c in the other — and merges the chunks' answers in chunk order, so a given chunk size
/// gives the same bits on every run. Rows a slot holds beyond a short last chunk have weight 0 and closest
/// distance 0, so they add nothing.
/// </summary>
internal sealed class StreamedWorkspace : IFitWorkspace
{
    private readonly StreamedResidentPoints _points;
    private readonly bool _ownsPoints;
    private readonly IChunkSlot[] _slots;
    private readonly int[] _slotChunk;
    private readonly int[] _slotCentroids;
    private readonly float[][] _readScratch;
    private readonly int[] _labels;
    private readonly float[] _minDistances;
    private readonly float[] _closest;
    private readonly int[] _labelScratch;
    private readonly float[] _stateScratch;
    private IChunkSlot? _rangeSlot;
    private float[] _rangeValues = [];
    private float[] _rangeClosest = [];
    private double[]? _exactInertia = [];
    private float[] _centroids = [];
    private int _clusterCount;
    private int _centroidVersion;

    public StreamedWorkspace(StreamedResidentPoints points, bool ownsPoints)
    {
        _points = points;
        _ownsPoints = ownsPoints;
        Count = points.Count;
        Dimensions = points.Dimensions;
        int slots = Math.Min(2, points.ChunkCount);
        _slots = new IChunkSlot[slots];
        _slotChunk = new int[slots];
        _slotCentroids = new int[slots];
        _readScratch = new float[slots][];
        try
        {
            for (int s = 0; s < slots; s++)
            {
                _slots[s] = points.Backend.CreateChunkSlot(points.ChunkRows, Dimensions);
                _slotChunk[s] = -1;
                _slotCentroids[s] = -1;
                _readScratch[s] = new float[(long)points.ChunkRows * Dimensions];
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        _labels = new int[Count];
        _minDistances = new float[Count];
        _closest = new float[Count];
        _labelScratch = new int[points.ChunkRows];
        _stateScratch = new float[points.ChunkRows];
        ResetLabels();
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>Chunks loaded into a slot so far (a pass with everything in the two slots loads nothing).</summary>
    internal long ChunkLoads => Interlocked.Read(ref _chunkLoads);

    private long _chunkLoads;

    public void SetCentroids(ReadOnlySpan<float> centroids, int clusterCount)
    {
        _exactInertia = [];   // no step with these centroids yet
        _centroids = centroids[..(clusterCount * Dimensions)].ToArray();
        _clusterCount = clusterCount;
        _centroidVersion++;
    }

    public void ResetLabels() => Array.Fill(_labels, -1);

    public PartialStatistics AssignAndReduce(CancellationToken cancellationToken = default)
    {
        var parts = new PartialStatistics[_points.ChunkCount];
        long changed = 0;
        ForEachChunk((chunk, first, rows, device) =>
        {
            parts[chunk] = device.AssignAndReduce(cancellationToken);
            device.CopyLabels(_labelScratch);
            for (int i = 0; i < rows; i++)
                if (_labelScratch[i] != _labels[first + i])
                    changed++;
            _labelScratch.AsSpan(0, rows).CopyTo(_labels.AsSpan(first));
            device.CopyMinDistances(_stateScratch);
            _stateScratch.AsSpan(0, rows).CopyTo(_minDistances.AsSpan(first));
        }, cancellationToken);
        _exactInertia = null;
        var merged = parts[0];
        for (int c = 1; c < parts.Length; c++)
            merged = merged.Merge(parts[c]);
        return merged with { LabelChangeCount = changed };
    }

    /// <summary>
    /// The exact inertia of the last step, chunk by chunk in chunk order. Only the final step asks for it, so it is not
    /// computed with every step: one more pass assigns each chunk again to the same centroids (the same labels, as the
    /// step is deterministic) and sums its exact inertia while the chunk is loaded.
    /// </summary>
    public double ExactInertia()
    {
        if (_exactInertia is null)
        {
            var exact = new double[_points.ChunkCount];
            ForEachChunk((chunk, _, _, device) =>
            {
                device.AssignAndReduce();
                exact[chunk] = device.ExactInertia();
            }, CancellationToken.None);
            _exactInertia = exact;
        }
        double total = 0;
        foreach (double part in _exactInertia)
            total += part;
        return total;
    }

    public void CopyLabels(Span<int> labels) => _labels.AsSpan(0, labels.Length).CopyTo(labels);

    public void CopyMinDistances(Span<float> distances) => _minDistances.AsSpan(0, distances.Length).CopyTo(distances);

    public void CopyRows(ReadOnlySpan<int> rows, Span<float> destination)
    {
        int d = Dimensions;
        var scratch = new float[d];
        for (int r = 0; r < rows.Length; r++)
        {
            if ((uint)rows[r] >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(rows), rows[r], "A row is out of range.");
            _points.Source.Read(rows[r], 1, scratch).CopyTo(destination.Slice(r * d, d));
        }
    }

    public void ResetClosest() => Array.Fill(_closest, float.PositiveInfinity);

    public void SetClosest(ReadOnlySpan<float> closest)
    {
        PartitionRules.CheckPerPoint(closest.Length, Count, nameof(closest));
        closest.CopyTo(_closest);
    }

    /// <summary>
    /// The rows (a drawn block, usually) are read from the source into a slot of their own, updated there and their
    /// closest distances brought back: the same kernel as the pass, without loading whole chunks.
    /// </summary>
    public void UpdateClosest(ReadOnlySpan<float> centre, int firstRow, int rowCount)
    {
        PartitionRules.CheckRows(centre.Length, Dimensions, nameof(centre));
        SeedingOperations.CheckRange(firstRow, rowCount, Count);
        int capacity = Math.Min(rowCount, _points.ChunkRows);
        if (_rangeSlot is null || _rangeSlot.Rows < capacity)
        {
            _rangeSlot?.Dispose();
            _rangeSlot = null;
            _rangeSlot = _points.Backend.CreateChunkSlot(capacity, Dimensions);
            _rangeValues = new float[(long)capacity * Dimensions];
            _rangeClosest = new float[capacity];
        }
        var device = _rangeSlot.Workspace;
        device.BindCurrentThread();
        for (int from = firstRow; from < firstRow + rowCount; from += _rangeSlot.Rows)
        {
            int rows = Math.Min(_rangeSlot.Rows, firstRow + rowCount - from);
            var weights = _points.Weights.Length == 0 ? default : _points.Weights.AsSpan(from, rows);
            _rangeSlot.Load(_points.Source.Read(from, rows, _rangeValues), weights);
            _closest.AsSpan(from, rows).CopyTo(_rangeClosest);
            _rangeClosest.AsSpan(rows).Clear();
            device.SetClosest(_rangeClosest);
            device.UpdateClosest(centre, 0, rows);
            device.CopyClosest(0, _closest.AsSpan(from, rows));
        }
    }

    /// <summary>
    /// Chunk by chunk, each a whole number of blocks (<see cref="StreamedResidentPoints.ChunkRows"/>): the chunk's
    /// closest distances go to the device, its pass runs there, and they come back when a pending centre lowered them.
    /// </summary>
    public void SeedingPass(ReadOnlySpan<float> pending, ReadOnlySpan<float> candidates, int blockSize, Span<double> candidateBlockSums)
    {
        var (count, blocks) = SeedingOperations.CheckPass(pending, candidates, blockSize, candidateBlockSums.Length, Count, Dimensions);
        if (_points.ChunkRows % blockSize != 0 && _points.ChunkCount > 1)
            throw new InvalidOperationException($"Chunks of {_points.ChunkRows} rows are not whole blocks of {blockSize}.");
        var pendingCopy = pending.ToArray();
        var candidateCopy = candidates.ToArray();
        var part = new double[count * PartitionRules.BlockCount(_points.ChunkRows, blockSize)];
        var total = new double[count * blocks];
        ForEachChunk((_, first, rows, device) =>
        {
            RestoreClosest(device, first, rows);
            device.SeedingPass(pendingCopy, candidateCopy, blockSize, part);
            SplitPointsOperations.PlaceBlockSums(part, count, first / blockSize, total, blocks);
            if (pendingCopy.Length > 0)
                device.CopyClosest(0, _closest.AsSpan(first, rows));
        }, CancellationToken.None);
        total.CopyTo(candidateBlockSums);
    }

    public void CopyClosest(int firstRow, Span<float> destination) => _closest.AsSpan(firstRow, destination.Length).CopyTo(destination);

    public void ComputeDistances(int firstRow, int rowCount, Span<float> distances)
    {
        int k = _clusterCount;
        int end = firstRow + rowCount;
        for (int chunk = firstRow / _points.ChunkRows; chunk <= (end - 1) / _points.ChunkRows; chunk++)
        {
            Load(chunk);
            var device = Ready(chunk);
            int first = chunk * _points.ChunkRows;
            int from = Math.Max(first, firstRow), to = Math.Min(first + _points.ChunkRows, end);
            device.ComputeDistances(from - first, to - from, distances.Slice((from - firstRow) * k, (to - from) * k));
        }
    }

    public void ComputeClusterDistanceSums(ReadOnlySpan<int> rows, ReadOnlySpan<int> sampleLabels, int clusterCount, Span<double> sums) =>
        SplitPointsOperations.ClusterDistanceSums(_points.Backend, this, rows, sampleLabels, clusterCount, sums);

    public void Dispose()
    {
        foreach (var slot in _slots)
            slot?.Dispose();
        _rangeSlot?.Dispose();
        if (_ownsPoints)
            _points.Dispose();
    }

    private delegate void ChunkStep(int chunk, int firstRow, int rows, IFitWorkspace device);

    /// <summary>
    /// Runs <paramref name="step"/> on every chunk in order, each
    /// in a slot holding it with the current centroids; while a step runs, the next chunk is loaded into the other slot.
    /// </summary>
    private void ForEachChunk(ChunkStep step, CancellationToken cancellationToken)
    {
        int last = _points.ChunkCount - 1;
        Load(0);
        Task loading = Task.CompletedTask;
        for (int chunk = 0; chunk <= last; chunk++)
        {
            loading.GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            int next = chunk + 1;
            bool overlap = next <= last && SlotOf(next) != SlotOf(chunk);
            loading = overlap ? Task.Run(() => Load(next)) : Task.CompletedTask;
            try
            {
                int first = chunk * _points.ChunkRows;
                step(chunk, first, Math.Min(_points.ChunkRows, Count - first), Ready(chunk));
            }
            catch
            {
                try
                {
                    loading.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The step's own failure is the one to report.
                }
                throw;
            }
            if (next <= last && !overlap)
                Load(next);
        }
        loading.GetAwaiter().GetResult();
    }

    /// <summary>The workspace of the slot holding <paramref name="chunk"/>, bound to this thread, with the current centroids.</summary>
    private IFitWorkspace Ready(int chunk)
    {
        int slot = SlotOf(chunk);
        var device = _slots[slot].Workspace;
        device.BindCurrentThread();
        if (_slotCentroids[slot] != _centroidVersion && _clusterCount > 0)
        {
            device.SetCentroids(_centroids, _clusterCount);
            _slotCentroids[slot] = _centroidVersion;
        }
        return device;
    }

    private int SlotOf(int chunk) => chunk % _slots.Length;

    /// <summary>Puts chunk <paramref name="chunk"/> into its slot unless it is there already.</summary>
    private void Load(int chunk)
    {
        int slot = SlotOf(chunk);
        if (_slotChunk[slot] == chunk)
            return;
        _slotChunk[slot] = -1;
        int first = chunk * _points.ChunkRows;
        int rows = Math.Min(_points.ChunkRows, Count - first);
        var values = _points.Source.Read(first, rows, _readScratch[slot]);
        var weights = _points.Weights.Length == 0 ? default : _points.Weights.AsSpan(first, rows);
        var device = _slots[slot].Workspace;
        device.BindCurrentThread();
        _slots[slot].Load(values, weights);
        device.ResetLabels();   // the slot's labels (and any state derived from them) belonged to the previous chunk
        _slotChunk[slot] = chunk;
        Interlocked.Increment(ref _chunkLoads);
    }

    /// <summary>The chunk's closest distances back on the device; its padding rows get 0 (weight 0 × 0 adds nothing).</summary>
    private void RestoreClosest(IFitWorkspace device, int first, int rows)
    {
        _closest.AsSpan(first, rows).CopyTo(_stateScratch);
        _stateScratch.AsSpan(rows).Clear();
        device.SetClosest(_stateScratch);
    }
}
