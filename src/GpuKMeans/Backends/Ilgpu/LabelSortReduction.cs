using GpuKMeans.Backends.Ilgpu.Kernels.Reduction;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>
/// The centroid reduction of one k-means iteration in O(n·d) work whose parallelism does not depend on k·d,
/// without float atomics and bit-identical run to run and across <see cref="IReductionConfig"/>s:
/// <list type="number">
/// <item>a stable LSD radix sort of the point indices by label, 8 bits per pass
/// (<see cref="LabelHistogramKernel"/>, <see cref="CountScanKernels"/>, <see cref="LabelScatterKernel"/>);</item>
/// <item>cluster segment offsets and chunk offsets (<see cref="SegmentBoundsKernel"/>, <see cref="ChunkOffsetsKernel"/>);</item>
/// <item>fixed-order sums in double: chunks of C sorted points, then groups of F chunks, then per cluster
/// (<see cref="SegmentedSumsKernel"/>, <see cref="ChunkSumsKernel"/>, <see cref="CombineChunksKernel"/>).</item>
/// </list>
/// Launches per call: 5 per radix pass (⌈log₂k / 8⌉ passes, at least 1) + 5, then one copy of k·(d+3)
/// doubles to the host. Owns its device buffers, sized at construction for at most (n, d, k); reuse it across
/// iterations.
/// </summary>
internal sealed class LabelSortReduction : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly IReductionConfig _config;
    private readonly List<MemoryBuffer> _owned = [];
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _counts, _offsets, _tileOffsets, _permA, _permB;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _segments, _chunkStarts, _superStarts;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _partials, _superPartials, _output;

    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int, int, int> _histogram;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, int> _tileTotals;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<int>, int> _scanTotals;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int> _applyTiles;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int, int, int> _scatter;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int> _segmentBounds;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int> _chunkOffsets;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>,
        ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<double>, int, int, int> _segmentedSums;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<double>, int, int, int> _chunkSums;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<double>, ArrayView<int>, ArrayView<double>, int, int> _combine;

    private int _lastCount;
    private bool _lastInA;

    /// <summary>Buffers for up to <paramref name="maxPoints"/> points of ≤ <paramref name="maxDimensions"/>
    /// dimensions and ≤ <paramref name="maxClusters"/> clusters, with the configuration for the accelerator
    /// (<see cref="SerialReductionConfig"/> on ILGPU's CPU accelerator, <see cref="CudaReductionConfig"/> elsewhere).</summary>
    public LabelSortReduction(Accelerator accelerator, int maxPoints, int maxDimensions, int maxClusters)
        : this(accelerator, maxPoints, maxDimensions, maxClusters,
            ReductionKernelEntries.For(accelerator.AcceleratorType == AcceleratorType.CPU))
    {
    }

    /// <summary>As the other constructor, with the kernels of an explicit configuration (e.g. from <see cref="ReductionKernelEntries.For{TConfig}"/>).</summary>
    public LabelSortReduction(Accelerator accelerator, int maxPoints, int maxDimensions, int maxClusters, ReductionKernels kernels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPoints);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClusters, 1);
        _accelerator = accelerator;
        _config = (IReductionConfig)Activator.CreateInstance(kernels.Config)!;
        MaxPoints = maxPoints;
        MaxDimensions = maxDimensions;
        MaxClusters = maxClusters;

        _histogram = Load<Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int, int, int>>(kernels.Histogram);
        _tileTotals = Load<Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, int>>(kernels.TileTotals);
        _scanTotals = Load<Action<AcceleratorStream, KernelConfig, ArrayView<int>, int>>(kernels.ScanTotals);
        _applyTiles = Load<Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int>>(kernels.ApplyTiles);
        _scatter = Load<Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int, int, int>>(kernels.Scatter);
        _segmentBounds = Load<Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int, int>>(kernels.SegmentBounds);
        _chunkOffsets = Load<Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int>>(kernels.ChunkOffsets);
        _segmentedSums = Load<Action<AcceleratorStream, KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<int>, ArrayView<int>,
            ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<double>, int, int, int>>(kernels.SegmentedSums);
        _chunkSums = Load<Action<AcceleratorStream, KernelConfig, ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<double>, int, int, int>>(kernels.ChunkSums);
        _combine = Load<Action<AcceleratorStream, KernelConfig, ArrayView<double>, ArrayView<int>, ArrayView<double>, int, int>>(kernels.Combine);

        try
        {
            long countLength = CountLength(maxPoints);
            int width = ReductionLayout.Width(maxDimensions);
            _counts = Own(accelerator.Allocate1D<int>(countLength));
            _offsets = Own(accelerator.Allocate1D<int>(countLength));
            _tileOffsets = Own(accelerator.Allocate1D<int>((countLength + _config.ScanTileLength - 1) / _config.ScanTileLength));
            _permA = Own(accelerator.Allocate1D<int>(Math.Max(1, maxPoints)));
            _permB = Own(accelerator.Allocate1D<int>(Math.Max(1, maxPoints)));
            _segments = Own(accelerator.Allocate1D<int>(maxClusters + 1L));
            _chunkStarts = Own(accelerator.Allocate1D<int>(maxClusters + 1L));
            _superStarts = Own(accelerator.Allocate1D<int>(maxClusters + 1L));
            _partials = Own(accelerator.Allocate1D<double>(ReductionLayout.MaxChunks(maxPoints, maxClusters) * width));
            _superPartials = Own(accelerator.Allocate1D<double>(ReductionLayout.MaxSuperChunks(maxPoints, maxClusters) * width));
            _output = Own(accelerator.Allocate1D<double>((long)maxClusters * width));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Most points a call may pass.</summary>
    public int MaxPoints { get; }

    /// <summary>Most dimensions a call may pass.</summary>
    public int MaxDimensions { get; }

    /// <summary>Most clusters a call may pass.</summary>
    public int MaxClusters { get; }

    /// <summary>The last call's permutation: point indices sorted by label, ties by index (n entries).</summary>
    public ArrayView<int> Permutation => (_lastInA ? _permA : _permB).View.SubView(0, _lastCount);

    /// <summary>The last call's k + 1 segment offsets: cluster c is at sorted positions [s[c], s[c+1]).</summary>
    public ArrayView<int> Segments => _segments.View;

    /// <summary>
    /// Reduces one iteration: per cluster c, Sums[c·d + j] = Σ_{labels[i]=c} wᵢ·xᵢⱼ and Weights[c] = Σ wᵢ;
    /// Inertia = Σ wᵢ·minDistᵢ; LabelChangeCount = #{i : labels[i] ≠ previousLabels[i]}. All in double, in an
    /// order fixed by the labels alone. Enqueues the kernels on <paramref name="stream"/> and waits for the copy.
    /// </summary>
    public (double[] Sums, double[] Weights, double Inertia, long LabelChangeCount) Run(
        AcceleratorStream stream, ArrayView<float> points, ArrayView<float> weights, ArrayView<int> labels,
        ArrayView<int> previousLabels, ArrayView<float> minDistances, int n, int d, int k)
    {
        if (n < 0 || n > MaxPoints)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"at most {MaxPoints} points");
        if (d < 1 || d > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(d), d, $"1 to {MaxDimensions} dimensions");
        if (k < 1 || k > MaxClusters)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"1 to {MaxClusters} clusters");
        var sums = new double[(long)k * d];
        var clusterWeights = new double[k];
        _lastCount = n;
        if (n == 0)
            return (sums, clusterWeights, 0.0, 0);

        Sort(stream, labels, n, k);
        var permutation = Permutation;
        int group = _config.GroupSize;
        int width = ReductionLayout.Width(d);
        _segmentBounds(stream, Grid(n), labels, permutation, _segments.View, n, k);
        _chunkOffsets(stream, new KernelConfig(1, group), _segments.View, _chunkStarts.View, _superStarts.View, k);
        int maxChunks = (int)ReductionLayout.MaxChunks(n, k);
        int maxSupers = (int)ReductionLayout.MaxSuperChunks(n, k);
        _segmentedSums(stream, Grid((long)maxChunks * width), points, weights, labels, previousLabels, minDistances,
            permutation, _segments.View, _chunkStarts.View, _partials.View, k, d, maxChunks);
        _chunkSums(stream, Grid((long)maxSupers * width), _partials.View, _chunkStarts.View, _superStarts.View,
            _superPartials.View, k, width, maxSupers);
        _combine(stream, Grid((long)k * width), _superPartials.View, _superStarts.View, _output.View, k, width);

        var output = new double[(long)k * width];
        _output.View.SubView(0, output.Length).CopyToCPU(stream, output);
        stream.Synchronize();

        double inertia = 0.0;
        long changes = 0;
        for (int c = 0; c < k; c++)
        {
            long row = (long)c * width;
            Array.Copy(output, row, sums, (long)c * d, d);
            clusterWeights[c] = output[row + d];
            inertia += output[row + d + 1];
            changes += (long)output[row + d + 2];
        }
        return (sums, clusterWeights, inertia, changes);
    }

    /// <summary>Frees the device buffers.</summary>
    public void Dispose()
    {
        foreach (var buffer in _owned)
            buffer.Dispose();
        _owned.Clear();
    }

    /// <summary>The LSD passes: histogram, three-step scan, stable scatter, alternating between the two permutation buffers.</summary>
    private void Sort(AcceleratorStream stream, ArrayView<int> labels, int n, int k)
    {
        int group = _config.GroupSize;
        int tiles = (int)(((long)n + _config.TileSize - 1) / _config.TileSize);
        int length = tiles * ReductionLayout.DigitCount;
        int scanTiles = (length + _config.ScanTileLength - 1) / _config.ScanTileLength;
        var input = _permB.View;
        var output = _permA.View;
        int passes = ReductionLayout.PassCount(k);
        for (int pass = 0; pass < passes; pass++)
        {
            int shift = pass * ReductionLayout.DigitBits;
            int first = pass == 0 ? 1 : 0;
            _histogram(stream, new KernelConfig(tiles, group), labels, input, _counts.View, n, tiles, shift, first);
            _tileTotals(stream, new KernelConfig(scanTiles, group), _counts.View, _tileOffsets.View, length);
            _scanTotals(stream, new KernelConfig(1, group), _tileOffsets.View, scanTiles);
            _applyTiles(stream, new KernelConfig(scanTiles, group), _counts.View, _tileOffsets.View, _offsets.View, length);
            _scatter(stream, new KernelConfig(tiles, group), labels, input, _offsets.View, output, n, tiles, shift, first);
            (input, output) = (output, input);
        }
        _lastInA = passes % 2 == 1;
    }

    /// <summary>A grid-stride launch over <paramref name="work"/> items: ⌈work / G⌉ groups, capped at the configuration's maximum.</summary>
    private KernelConfig Grid(long work)
    {
        long groups = Math.Clamp((work + _config.GroupSize - 1) / _config.GroupSize, 1, _config.MaxGroups);
        return new KernelConfig((int)groups, _config.GroupSize);
    }

    private long CountLength(int points) =>
        Math.Max(1L, ((long)points + _config.TileSize - 1) / _config.TileSize) * ReductionLayout.DigitCount;

    private TLauncher Load<TLauncher>(IlgpuKernelEntry entry) where TLauncher : Delegate => entry.Load<TLauncher>(_accelerator);

    private T Own<T>(T buffer) where T : MemoryBuffer
    {
        _owned.Add(buffer);
        return buffer;
    }
}
