using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;
using GpuKMeans.Backends.Ilgpu;
using GpuKMeans.Backends.Sharding;
using GpuKMeans.Solver;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans;

/// <summary>
/// The device k-means runs on. <see cref="Create(KMeansBackend)"/> makes and owns an ILGPU <see cref="Context"/> and
/// <see cref="Accelerator"/> (disposed with this object); <see cref="FromAccelerator"/> borrows a
/// caller's accelerator and leaves it alive. Create one and reuse it: making a context takes about a
/// second and each kernel compiles on first use.
/// </summary>
public sealed class KMeansDevice : IDisposable
{
    private readonly Context? _ownedContext;
    private readonly Accelerator[] _accelerators = [];
    private readonly bool _ownsAccelerator;
    private readonly Lazy<CpuBackend>? _smallWork;
    private bool _disposed;

    private KMeansDevice(Context? ownedContext, Accelerator accelerator, bool ownsAccelerator, bool routeSmallWork = false)
        : this(ownedContext, [accelerator], ownsAccelerator)
    {
        if (routeSmallWork)
            _smallWork = new Lazy<CpuBackend>(() => new CpuBackend(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A device over one accelerator, or over several as shards of every upload.</summary>
    private KMeansDevice(Context? ownedContext, Accelerator[] accelerators, bool ownsAccelerators)
    {
        _ownedContext = ownedContext;
        _accelerators = accelerators;
        _ownsAccelerator = ownsAccelerators;
        Backend = accelerators.Length == 1
            ? new IlgpuBackend(accelerators[0])
            : new ShardedBackend([.. accelerators.Select(a => (IKMeansBackend)new IlgpuBackend(a))]);
    }

    /// <summary>A device served by a backend that needs no ILGPU accelerator.</summary>
    private KMeansDevice(IKMeansBackend backend)
    {
        Backend = backend;
    }

    /// <summary>The backend in use (never <see cref="KMeansBackend.Auto"/>).</summary>
    public KMeansBackend Kind => Backend.Kind;

    /// <summary>Short backend name: "CUDA", "OpenCL", "CPU" or "ILGPU CPU accelerator".</summary>
    public string BackendName => Backend.Name;

    /// <summary>The device's name as its driver reports it.</summary>
    public string Name => Backend.DeviceName;

    /// <summary>Device memory in bytes, summed over the devices (for the CPU backend, the memory the runtime may use).</summary>
    public long MemorySize => _accelerators.Length > 0 ? _accelerators.Sum(a => a.MemorySize) : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// The ILGPU accelerator underneath (the first, when there are several), for callers who run their own kernels
    /// beside ours; null for <see cref="KMeansBackend.Cpu"/>.
    /// </summary>
    public Accelerator? Accelerator => _accelerators.Length > 0 ? _accelerators[0] : null;

    /// <summary>Every ILGPU accelerator this device spreads its points over, in shard order (empty for <see cref="KMeansBackend.Cpu"/>).</summary>
    public IReadOnlyList<Accelerator> Accelerators => _accelerators;

    /// <summary>Number of devices an upload is split over (1 unless made by <see cref="Create(KMeansBackend, IReadOnlyList{int})"/> or <see cref="FromAccelerators"/>).</summary>
    public int DeviceCount => Backend is ShardedBackend sharded ? sharded.Parts.Count : 1;

    internal IKMeansBackend Backend { get; }

    /// <summary>
    /// The backend a call of this shape runs on: <see cref="Backend"/>, except on a device opened with
    /// <see cref="KMeansBackend.Auto"/> that found a GPU, where work below the crossover of <see cref="AutoPolicy"/>
    /// goes to the CPU backend (the result's <see cref="KMeansResult.BackendName"/> says which ran).
    /// </summary>
    internal IKMeansBackend BackendFor(long pointCount, int dimensions, int clusterCount) =>
        _smallWork is not null && AutoPolicy.PreferCpu(pointCount, dimensions, clusterCount, Environment.ProcessorCount)
            ? _smallWork.Value
            : Backend;

    /// <summary>An Auto device over <paramref name="accelerator"/> (tests: the routing without a GPU).</summary>
    internal static KMeansDevice AutoOver(Accelerator accelerator) =>
        new(null, accelerator, ownsAccelerator: false, routeSmallWork: true);

    /// <summary>
    /// Opens the device for <paramref name="backend"/>: <see cref="KMeansBackend.Auto"/> takes CUDA if
    /// present, then an OpenCL GPU, then the CPU.
    /// </summary>
    /// <exception cref="NotSupportedException">The requested backend has no device on this machine.</exception>
    public static KMeansDevice Create(KMeansBackend backend = KMeansBackend.Auto)
    {
        if (backend == KMeansBackend.Cpu)
            return new KMeansDevice(new CpuBackend());
        var context = IlgpuDevices.CreateContext();
        try
        {
            Device? device = IlgpuDevices.Select(context, backend);
            if (device is null)
            {
                // Auto without a GPU: the native CPU backend, not ILGPU's CPU accelerator.
                context.Dispose();
                return new KMeansDevice(new CpuBackend());
            }
            return new KMeansDevice(context, device.CreateAccelerator(context), ownsAccelerator: true,
                routeSmallWork: backend == KMeansBackend.Auto);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens several devices of one backend as one: every upload is split in contiguous near-equal row shards, one per
    /// device, each fit runs on all of them at once and merges their partial statistics in device order, so the result
    /// is bit-identical run to run (and within rounding of a single device's). <see cref="KMeansBackend.Cpu"/> makes
    /// that many shards of the CPU backend (which share the cores: a way to test the sharding, not to go faster).
    /// </summary>
    /// <param name="backend">Cuda, OpenCL, IlgpuCpu or Cpu (not Auto: say which devices).</param>
    /// <param name="deviceIds">Indices among that backend's devices (<c>gpukmeans devices</c> lists them), distinct.</param>
    /// <exception cref="ArgumentException"><paramref name="deviceIds"/> is empty, repeats an index, or names a device this machine lacks (the message says how many there are).</exception>
    public static KMeansDevice Create(KMeansBackend backend, IReadOnlyList<int> deviceIds)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        if (deviceIds.Count == 0)
            throw new ArgumentException("deviceIds is empty: name at least one device.", nameof(deviceIds));
        if (deviceIds.Distinct().Count() != deviceIds.Count)
            throw new ArgumentException($"deviceIds ({string.Join(",", deviceIds)}) names a device twice.", nameof(deviceIds));
        if (backend == KMeansBackend.Auto)
            throw new ArgumentException("Name the backend of the devices (Cuda, OpenCL, IlgpuCpu or Cpu), not Auto.", nameof(backend));
        if (backend == KMeansBackend.Cpu)
        {
            if (deviceIds.Count == 1)
                return new KMeansDevice(new CpuBackend());
            return new KMeansDevice(new ShardedBackend([.. deviceIds.Select(_ => (IKMeansBackend)new CpuBackend())]));
        }
        var context = IlgpuDevices.CreateContext();
        var accelerators = new List<Accelerator>();
        try
        {
            var devices = IlgpuDevices.OfBackend(context, backend);
            foreach (int id in deviceIds)
            {
                if (id < 0 || id >= devices.Count)
                    throw new ArgumentException(
                        $"deviceIds has {id}, but this machine has {devices.Count} {backend} device(s) (0–{devices.Count - 1}).", nameof(deviceIds));
                accelerators.Add(devices[id].CreateAccelerator(context));
            }
            return new KMeansDevice(context, [.. accelerators], ownsAccelerators: true);
        }
        catch
        {
            accelerators.ForEach(a => a.Dispose());
            context.Dispose();
            throw;
        }
    }

    /// <summary>Runs on several of a caller's accelerators as shards (see <see cref="Create(KMeansBackend, IReadOnlyList{int})"/>); the caller keeps and disposes them.</summary>
    /// <exception cref="ArgumentException"><paramref name="accelerators"/> is empty, holds null or the same accelerator twice.</exception>
    public static KMeansDevice FromAccelerators(IReadOnlyList<Accelerator> accelerators)
    {
        ArgumentNullException.ThrowIfNull(accelerators);
        if (accelerators.Count == 0 || accelerators.Any(a => a is null))
            throw new ArgumentException("accelerators must hold at least one accelerator and no null.", nameof(accelerators));
        if (accelerators.Distinct().Count() != accelerators.Count)
            throw new ArgumentException("accelerators holds the same accelerator twice.", nameof(accelerators));
        return new KMeansDevice(null, [.. accelerators], ownsAccelerators: false);
    }

    /// <summary>Runs on a caller's accelerator, which the caller keeps and disposes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="accelerator"/> is null.</exception>
    public static KMeansDevice FromAccelerator(Accelerator accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return new KMeansDevice(null, accelerator, ownsAccelerator: false);
    }

    /// <summary>Lists the backends present on this machine, in <see cref="KMeansBackend.Auto"/>'s order of preference.</summary>
    public static IReadOnlyList<KMeansBackend> Available() => IlgpuDevices.Available();

    /// <summary>
    /// Validates row-major points (and optional weights) and copies them to this device once, for any
    /// number of <see cref="KMeans.Fit(KMeansDataset, IProgress{KMeansIterationStats}, CancellationToken)"/> calls, from
    /// any number of threads (each fit keeps its own state on the device). The caller's arrays are not kept.
    /// </summary>
    /// <exception cref="ArgumentException">Empty or ragged data, NaN/∞ (the message names row and column), or bad weights.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is not positive.</exception>
    /// <exception cref="ObjectDisposedException">This device was disposed.</exception>
    /// <param name="points">Row-major <c>n × d</c> values; finite.</param>
    /// <param name="dimensions">Number of features <c>d</c> per row.</param>
    /// <param name="sampleWeights">One non-negative weight per row, or empty for all 1.</param>
    /// <param name="deviceMemoryBudget">Bytes of device memory the points may fill (see <see cref="KMeansOptions.DeviceMemoryBudget"/>);
    /// beyond it, every pass streams them from a host copy in chunks. Null: the device's free memory less a margin.</param>
    public KMeansDataset Upload(
        ReadOnlyMemory<float> points, int dimensions, ReadOnlyMemory<float> sampleWeights = default, long? deviceMemoryBudget = null)
    {
        ThrowIfDisposed();
        int n = Data.PointData.CheckPoints(points.Span, dimensions, nameof(points));
        Data.PointData.CheckWeights(sampleWeights.Span, n, nameof(sampleWeights));
        KMeansOptions.CheckBudget(deviceMemoryBudget, nameof(deviceMemoryBudget));
        return new KMeansDataset(this, FitInput.Upload(Backend, points.Span, dimensions, sampleWeights.Span, deviceMemoryBudget));
    }

    /// <summary>
    /// Makes the points of <paramref name="source"/> (a file read in place) available for fits: resident where they fit
    /// the budget, else streamed from the source chunk by chunk on every pass, so a file larger than host memory fits
    /// with bounded memory. One validating pass reads the whole source first. The source must stay open while the dataset is used.
    /// </summary>
    /// <exception cref="ArgumentException">NaN/∞ in the source (the message names row and column), or bad weights.</exception>
    /// <exception cref="ObjectDisposedException">This device or the source was disposed.</exception>
    public KMeansDataset Upload(KMeansPointSource source, ReadOnlyMemory<float> sampleWeights = default, long? deviceMemoryBudget = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfDisposed();
        var points = source.Open();
        Data.PointData.CheckSource(points, nameof(source));
        Data.PointData.CheckWeights(sampleWeights.Span, points.Count, nameof(sampleWeights));
        KMeansOptions.CheckBudget(deviceMemoryBudget, nameof(deviceMemoryBudget));
        return new KMeansDataset(this, FitInput.Upload(Backend, points, sampleWeights.ToArray(), deviceMemoryBudget));
    }

    /// <inheritdoc />
    public override string ToString() => $"{BackendName}: {Name}";

    /// <summary>Frees the accelerator and context if this object created them.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Backend.Dispose();
        if (_smallWork is { IsValueCreated: true })
            _smallWork.Value.Dispose();
        if (_ownsAccelerator)
            foreach (var accelerator in _accelerators)
                accelerator.Dispose();
        _ownedContext?.Dispose();
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
