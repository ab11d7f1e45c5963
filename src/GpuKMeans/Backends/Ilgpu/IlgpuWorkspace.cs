using GpuKMeans.Backends.Ilgpu.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// The work buffers of one fit over shared <see cref="IlgpuResidentPoints"/>. Launches kernels on a stream
/// of its own, so fits on other threads never wait on or interleave with it; only the small results the
/// solver asks for are copied back.
/// </summary>
internal sealed partial class IlgpuWorkspace : IFitWorkspace
{
    /// <summary>Most distance-matrix cells computed per launch by <see cref="ComputeDistances"/> (64 MiB).</summary>
    private const long DistanceChunkCells = 1L << 24;

    private readonly Accelerator _accelerator;
    private readonly AcceleratorStream _stream = null!;
    private readonly IlgpuKernelSet _kernels;
    private readonly IlgpuResidentPoints _resident;
    private readonly bool _ownsPoints;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _points;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _pointNorms;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _weights;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _minDistances;
    private MemoryBuffer1D<int, Stride1D.Dense> _labels;
    private MemoryBuffer1D<int, Stride1D.Dense> _previousLabels;
    private readonly List<MemoryBuffer> _owned = [];

    private MemoryBuffer1D<float, Stride1D.Dense>? _centroids;
    private MemoryBuffer1D<float, Stride1D.Dense>? _centroidNorms;
    private int _clusterCount;
    private LabelSortReduction? _reduction;
    private MemoryBuffer1D<double, Stride1D.Dense>? _inertiaPartials;
    private MemoryBuffer1D<float, Stride1D.Dense>? _distanceChunk;

    public IlgpuWorkspace(Accelerator accelerator, IlgpuKernelSet kernels, IlgpuResidentPoints resident, bool ownsPoints)
    {
        _accelerator = accelerator;
        _kernels = kernels;
        _resident = resident;
        _ownsPoints = ownsPoints;
        _points = resident.Points;
        _pointNorms = resident.Norms;
        _weights = resident.Weights;
        Dimensions = resident.Dimensions;
        Count = resident.Count;
        try
        {
            _stream = accelerator.CreateStream();
            _minDistances = Own(accelerator.Allocate1D<float>(Count));
            _labels = Own(accelerator.Allocate1D<int>(Count));
            _previousLabels = Own(accelerator.Allocate1D<int>(Count));
            _closest = Own(accelerator.Allocate1D<float>(Count));
            ResetLabels();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Count { get; }

    public void BindCurrentThread() => _accelerator.Bind();

    public int Dimensions { get; }

    public void SetCentroids(ReadOnlySpan<float> centroids, int clusterCount)
    {
        if (_centroids is null || _centroids.Length < centroids.Length)
        {
            Release(_centroids);
            Release(_centroidNorms);
            _centroids = Own(_accelerator.Allocate1D<float>(centroids.Length));
            _centroidNorms = Own(_accelerator.Allocate1D<float>(clusterCount));
        }
        _clusterCount = clusterCount;
        _centroids.View.SubView(0, centroids.Length).CopyFromCPU(_stream, centroids);
        _kernels.RowNorms(_stream, clusterCount, _centroids.View, _centroidNorms!.View, Dimensions);
    }

    public void ResetLabels()
    {
        // -1 in every byte is -1 as an int: no label equals it, so every point counts as changed.
        _labels.View.MemSet(_stream, 0xFF);
        _previousLabels.View.MemSet(_stream, 0xFF);
    }

    /// <summary>
    /// The tiled fused assignment (<see cref="TiledKernels.Assign"/>), then the label-sort reduction
    /// (<see cref="LabelSortReduction"/>): O(n·d) work, bit-identical run to run, no float atomics.
    /// </summary>
    public PartialStatistics AssignAndReduce(CancellationToken cancellationToken = default)
    {
        // The device runs the step as a few launches; a cancel is seen before they are queued.
        cancellationToken.ThrowIfCancellationRequested();
        (_labels, _previousLabels) = (_previousLabels, _labels);
        _kernels.Tiled.Assign(_stream, _points.View, _pointNorms.View, _centroids!.View, _centroidNorms!.View,
            _labels.View, _minDistances.View, Count, Dimensions, _clusterCount);
        if (_reduction is null || _reduction.MaxClusters < _clusterCount)
        {
            _reduction?.Dispose();
            _reduction = new LabelSortReduction(_accelerator, Count, Dimensions, _clusterCount, _kernels.Reduction);
        }
        var (sums, weights, inertia, changes) = _reduction.Run(
            _stream, _points.View, _weights.View, _labels.View, _previousLabels.View, _minDistances.View,
            Count, Dimensions, _clusterCount);
        return new PartialStatistics(sums, weights, inertia, changes);
    }

    public double ExactInertia()
    {
        int blocks = PartitionRules.InertiaBlockCount(Count);
        if (blocks == 0)
            return 0;
        if (_inertiaPartials is null || _inertiaPartials.Length < blocks)
        {
            Release(_inertiaPartials);
            _inertiaPartials = Own(_accelerator.Allocate1D<double>(blocks));
        }
        _kernels.ExactInertia(_stream, blocks, _points.View, _weights.View, _labels.View, _centroids!.View,
            _inertiaPartials.View, Count, Dimensions, PartitionRules.InertiaBlockSize);
        var partials = new double[blocks];
        _inertiaPartials.View.SubView(0, blocks).CopyToCPU(_stream, partials);
        double total = 0;
        foreach (double partial in partials)
            total += partial;
        return total;
    }

    public void CopyLabels(Span<int> labels) => _labels.View.SubView(0, labels.Length).CopyToCPU(_stream, labels);

    public void CopyMinDistances(Span<float> distances) =>
        _minDistances.View.SubView(0, distances.Length).CopyToCPU(_stream, distances);

    public void ComputeDistances(int firstRow, int rowCount, Span<float> distances)
    {
        int k = _clusterCount;
        int rowsPerChunk = (int)Math.Max(1, Math.Min(rowCount, DistanceChunkCells / k));
        long cells = (long)rowsPerChunk * k;
        if (_distanceChunk is null || _distanceChunk.Length < cells)
        {
            Release(_distanceChunk);
            _distanceChunk = Own(_accelerator.Allocate1D<float>(cells));
        }
        for (int done = 0; done < rowCount; done += rowsPerChunk)
        {
            int rows = Math.Min(rowsPerChunk, rowCount - done);
            _kernels.Tiled.DistanceMatrix(_stream, _points.View, _pointNorms.View, _centroids!.View,
                _centroidNorms!.View, _distanceChunk.View, firstRow + done, rows, Dimensions, k);
            _distanceChunk.View.SubView(0, (long)rows * k).CopyToCPU(_stream, distances.Slice(done * k, rows * k));
        }
    }

    public void CopyRows(ReadOnlySpan<int> rows, Span<float> destination)
    {
        int d = Dimensions;
        for (int r = 0; r < rows.Length; r++)
            _points.View.SubView((long)rows[r] * d, d).CopyToCPU(_stream, destination.Slice(r * d, d));
    }

    public void Dispose()
    {
        foreach (var buffer in _owned)
            buffer.Dispose();
        _owned.Clear();
        _reduction?.Dispose();
        _stream?.Dispose();
        if (_ownsPoints)
            _resident.Dispose();
    }

    private T Own<T>(T buffer) where T : MemoryBuffer
    {
        _owned.Add(buffer);
        return buffer;
    }

    private void Release(MemoryBuffer? buffer)
    {
        if (buffer is null)
            return;
        _owned.Remove(buffer);
        buffer.Dispose();
    }
}
