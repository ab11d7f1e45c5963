namespace GpuKMeans.Cli.Devices;

/// <summary>One device <c>gpukmeans devices</c> lists.</summary>
/// <param name="Backend">The <c>--backend</c> value that selects it, or the ILGPU accelerator type for the raw list.</param>
/// <param name="Kind">The backend's short name ("CUDA", "OpenCL", "CPU").</param>
/// <param name="Device">The device's name as its driver reports it.</param>
/// <param name="MemoryBytes">Memory the device can use (for CPU devices, the host memory the runtime may use), or <c>null</c>: see <paramref name="MemoryNote"/>.</param>
/// <param name="MemoryNote">Where <paramref name="MemoryBytes"/> comes from when it is not the device's own figure, or why it is <c>null</c>.</param>
/// <param name="ComputeCapability">CUDA compute capability such as <c>9.0</c>, or <c>null</c>.</param>
/// <param name="Details">Anything else worth knowing, or <c>null</c>.</param>
internal sealed record DeviceInfo(
    string Backend, string Kind, string Device, long? MemoryBytes, string? MemoryNote, string? ComputeCapability, string? Details)
{
    /// <summary>Sizes from this on (1 PiB) are no real device's memory: ILGPU's CPU accelerator reports 2⁶³ − 1 bytes, meaning "no limit".</summary>
    private const long ImplausibleBytes = 1L << 50;

    /// <summary>The memory in GiB, for people; <c>null</c> when unknown.</summary>
    public double? MemoryGiB => MemoryBytes is > 0 and { } bytes ? Math.Round(bytes / (1024.0 * 1024 * 1024), 2) : null;

    /// <summary>
    /// The memory figure to show for a device that reports <paramref name="reported"/> bytes: that figure when it is
    /// plausible; for a CPU device reporting no limit, the host memory .NET may use (ILGPU's CPU accelerator allocates
    /// there), with a note saying so; otherwise <c>null</c> with the reason.
    /// </summary>
    public static (long? Bytes, string? Note) Memory(long reported, bool runsOnTheHost)
    {
        if (reported is > 0 and < ImplausibleBytes)
            return (reported, null);
        if (runsOnTheHost)
            return (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
                $"host memory available to .NET: the ILGPU CPU accelerator reports no limit of its own ({reported} bytes)");
        return (null, $"the device reported {reported} bytes, which is not a real size");
    }
}
