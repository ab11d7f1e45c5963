using Xunit;
using GpuKMeans;

namespace GpuKMeans.Tests.Conformance;

/// <summary>
/// Owns the device one conformance class runs on. A backend absent from this machine leaves
/// <see cref="Device"/> null and <see cref="SkipReason"/> set, and every test of the class skips.
/// </summary>
public abstract class BackendFixture : IDisposable
{
    protected BackendFixture(KMeansBackend backend)
    {
        Backend = backend;
        try
        {
            Device = KMeansDevice.Create(backend);
        }
        catch (NotSupportedException e)
        {
            SkipReason = $"{backend} is not available here: {e.Message}";
        }
    }

    public KMeansBackend Backend { get; }

    public KMeansDevice? Device { get; }

    public string? SkipReason { get; }

    /// <summary>The device, or skips the calling test when the backend is absent.</summary>
    public KMeansDevice Require()
    {
        if (Device is null)
            Xunit.Assert.Skip(SkipReason!);
        return Device!;
    }

    public void Dispose()
    {
        Device?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CpuAcceleratorFixture() : BackendFixture(KMeansBackend.IlgpuCpu);

public sealed class CpuSimdFixture() : BackendFixture(KMeansBackend.Cpu);

public sealed class CudaFixture() : BackendFixture(KMeansBackend.Cuda);

public sealed class OpenCLFixture() : BackendFixture(KMeansBackend.OpenCL);
