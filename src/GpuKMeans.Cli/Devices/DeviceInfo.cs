namespace GpuKMeans.Cli.Devices;

/// <summary>One device <c>gpukmeans devices</c> lists.</summary>
/// <param name="Backend">The <c>--backend</c> value that selects it, or the ILGPU accelerator type for the raw list.</param>
/// <param name="Kind">The backend's short name ("CUDA", "OpenCL", "CPU").</param>
/// <param name="Device">The device's name as its driver reports it.</param>
/// <param name="MemoryBytes">Device memory (for the CPU, the memory the runtime may use).</param>
/// <param name="ComputeCapability">CUDA compute capability such as <c>9.0</c>, or <c>null</c>.</param>
/// <param name="Details">Anything else worth knowing, or <c>null</c>.</param>
internal sealed record DeviceInfo(string Backend, string Kind, string Device, long MemoryBytes, string? ComputeCapability, string? Details)
{
    /// <summary>The memory in GiB, for people; <c>null</c> when the device reports none or an unbounded size (ILGPU's CPU accelerator says 2⁶³ bytes).</summary>
    public double? MemoryGiB => MemoryBytes is > 0 and < 1L << 50 ? Math.Round(MemoryBytes / (1024.0 * 1024 * 1024), 2) : null;
}
