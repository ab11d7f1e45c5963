namespace GpuKMeans.Orleans;

/// <summary>
/// The device of one worker (silo), opened on first use and shared by every shard grain on it; disposed with the silo.
/// </summary>
internal sealed class WorkerDevice(KMeansBackend backend) : IDisposable
{
    private readonly Lazy<KMeansDevice> _device = new(() => KMeansDevice.Create(backend), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The device (opened now if not yet).</summary>
    public KMeansDevice Device => _device.Value;

    public void Dispose()
    {
        if (_device.IsValueCreated)
            _device.Value.Dispose();
    }
}
