namespace GpuKMeans;

/// <summary>Which compute backend a <see cref="KMeansDevice"/> runs on.</summary>
public enum KMeansBackend
{
    /// <summary>The best device present: CUDA, then an OpenCL GPU, then the CPU.</summary>
    Auto,

    /// <summary>An NVIDIA GPU through ILGPU's CUDA backend.</summary>
    Cuda,

    /// <summary>An OpenCL device (OpenCL C 2.0 or later) through ILGPU's OpenCL backend.</summary>
    OpenCL,

    /// <summary>The host's cores. Always present.</summary>
    Cpu,

    /// <summary>
    /// ILGPU's CPU accelerator: the GPU kernels themselves, each GPU thread simulated on the host. Slow; it
    /// exists to check the kernels without a GPU.
    /// </summary>
    IlgpuCpu,
}
