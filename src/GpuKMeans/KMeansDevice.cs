using GpuKMeans.Backends;
using GpuKMeans.Backends.Cpu;
using GpuKMeans.Backends.Ilgpu;
using GpuKMeans.Solver;
using ILGPU;
using ILGPU.Runtime;

namespace GpuKMeans;

/// <summary>
/// The device k-means runs on. <see cref="Create"/> makes and owns an ILGPU <see cref="Context"/> and
/// <see cref="Accelerator"/> (disposed with this object); <see cref="FromAccelerator"/> borrows a
/// caller's accelerator and leaves it alive. Create one and reuse it: making a context takes about a
/// second and each kernel compiles on first use.
/// </summary>
public sealed class KMeansDevice : IDisposable
{
    private readonly Context? _ownedContext;
    private readonly Accelerator? _accelerator;
    private readonly bool _ownsAccelerator;
    private readonly Lazy<CpuBackend>? _smallWork;
    private bool _disposed;

    private KMeansDevice(Context? ownedContext, Accelerator accelerator, bool ownsAccelerator, bool routeSmallWork = false)
    {
        _ownedContext = ownedContext;
        _accelerator = accelerator;
        _ownsAccelerator = ownsAccelerator;
        Backend = new IlgpuBackend(accelerator);
        if (routeSmallWork)
            _smallWork = new Lazy<CpuBackend>(() => new CpuBackend(), LazyThreadSafetyMode.ExecutionAndPublication);
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

    /// <summary>Device memory in bytes (for the CPU backend, the memory the runtime may use).</summary>
    public long MemorySize => _accelerator?.MemorySize ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The ILGPU accelerator underneath, for callers who run their own kernels beside ours; null for <see cref="KMeansBackend.Cpu"/>.</summary>
    public Accelerator? Accelerator => _accelerator;

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
    public KMeansDataset Upload(ReadOnlyMemory<float> points, int dimensions, ReadOnlyMemory<float> sampleWeights = default)
    {
        ThrowIfDisposed();
        int n = Data.PointData.CheckPoints(points.Span, dimensions, nameof(points));
        Data.PointData.CheckWeights(sampleWeights.Span, n, nameof(sampleWeights));
        return new KMeansDataset(this, FitInput.Upload(Backend, points.Span, dimensions, sampleWeights.Span));
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
            _accelerator!.Dispose();
        _ownedContext?.Dispose();
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
