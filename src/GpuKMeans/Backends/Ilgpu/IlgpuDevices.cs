using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace GpuKMeans.Backends.Ilgpu;

/// <summary>Which ILGPU device serves a requested backend, and which backends this machine has.</summary>
internal static class IlgpuDevices
{
    /// <summary>A context with every ILGPU device type and ILGPU.Algorithms' intrinsics.</summary>
    public static Context CreateContext() => Context.Create(builder => builder.Default().EnableAlgorithms());

    /// <summary>
    /// The ILGPU device for <paramref name="backend"/>: <see cref="KMeansBackend.Auto"/> takes CUDA, then an OpenCL
    /// GPU, and returns null when there is neither (the caller then uses the CPU backend).
    /// </summary>
    /// <exception cref="NotSupportedException">The requested backend has no device on this machine.</exception>
    public static Device? Select(Context context, KMeansBackend backend)
    {
        var cudaDevices = context.GetCudaDevices();
        var openClDevices = context.GetCLDevices();
        Device? cuda = cudaDevices.Count > 0 ? cudaDevices[0] : null;
        Device? openClGpu = null;
        foreach (CLDevice device in openClDevices)
        {
            if (device.DeviceType == CLDeviceType.CL_DEVICE_TYPE_GPU)
            {
                openClGpu = device;
                break;
            }
        }
        Device? openCl = openClGpu ?? (openClDevices.Count > 0 ? openClDevices[0] : null);
        return backend switch
        {
            KMeansBackend.Auto => cuda ?? openClGpu,
            KMeansBackend.IlgpuCpu => context.GetCPUDevice(0),
            KMeansBackend.Cuda => cuda ?? throw new NotSupportedException(
                "No CUDA device was found (is the NVIDIA driver installed?). Use KMeansBackend.Auto or Cpu."),
            KMeansBackend.OpenCL => openCl ?? throw new NotSupportedException(
                "No OpenCL device that ILGPU supports (OpenCL C 2.0 with generic address space) was found. Use KMeansBackend.Auto or Cpu."),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown backend."),
        };
    }

    /// <summary>Every device of <paramref name="backend"/> (Cuda, OpenCL or IlgpuCpu), in ILGPU's order: the indices of <c>deviceIds</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="backend"/> is not an ILGPU backend.</exception>
    public static IReadOnlyList<Device> OfBackend(Context context, KMeansBackend backend) => backend switch
    {
        KMeansBackend.Cuda => [.. context.GetCudaDevices()],
        KMeansBackend.OpenCL => [.. context.GetCLDevices()],
        KMeansBackend.IlgpuCpu => [.. context.GetCPUDevices()],
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Not an ILGPU backend."),
    };

    /// <summary>The backends present on this machine, in <see cref="KMeansBackend.Auto"/>'s order of preference.</summary>
    public static IReadOnlyList<KMeansBackend> Available()
    {
        using var context = Context.Create(builder => builder.Default());
        var found = new List<KMeansBackend>();
        if (context.GetCudaDevices().Count > 0)
            found.Add(KMeansBackend.Cuda);
        if (context.GetCLDevices().Count > 0)
            found.Add(KMeansBackend.OpenCL);
        found.Add(KMeansBackend.Cpu);
        found.Add(KMeansBackend.IlgpuCpu);
        return found;
    }
}
