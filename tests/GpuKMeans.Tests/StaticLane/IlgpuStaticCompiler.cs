using GpuKMeans.Backends.Ilgpu;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// Compiles catalog entries with ILGPU's own backends, no device needed: <see cref="PTXBackend"/> to PTX for a
/// CUDA architecture (ISA 7.8, the newest ptxas 11.8 reads) and <see cref="CLBackend"/> to OpenCL C 2.0 with an
/// NVIDIA-like capability set (fp64 and 64-bit atomics). ILGPU backends are not thread-safe, so calls serialise.
/// </summary>
internal sealed class IlgpuStaticCompiler : IDisposable
{
    private readonly Context _context;
    private readonly Dictionary<CudaArchitecture, PTXBackend> _ptx = [];
    private readonly CLBackend _cl;
    private readonly Lock _gate = new();

    /// <summary>Creates the context the library creates (<paramref name="algorithms"/>) or a caller's plain one.</summary>
    public IlgpuStaticCompiler(bool algorithms)
    {
        _context = Context.Create(builder =>
        {
            builder.Default();
            if (algorithms)
                builder.EnableAlgorithms();
        });
        var capabilities = new CLCapabilityContext(
            float16: false, float64: true, genericAddressSpace: false, int64_Atomics: true, subGroups: false);
        _cl = new CLBackend(_context, capabilities, CLDeviceVendor.Nvidia, CLCVersion.CL20);
    }

    /// <summary>The PTX ILGPU emits for <paramref name="entry"/> on <paramref name="architecture"/>.</summary>
    public string CompilePtx(IlgpuKernelEntry entry, CudaArchitecture architecture)
    {
        lock (_gate)
        {
            if (!_ptx.TryGetValue(architecture, out var backend))
            {
                backend = new PTXBackend(_context, new CudaCapabilityContext(architecture), architecture,
                    CudaInstructionSet.ISA_78, nvvmAPI: null);
                _ptx.Add(architecture, backend);
            }
            var kernel = (PTXCompiledKernel)backend.Compile(Describe(entry), entry.Specialization?.Invoke(architecture) ?? KernelSpecialization.Empty);
            return kernel.PTXAssembly;
        }
    }

    /// <summary>The OpenCL C source ILGPU emits for <paramref name="entry"/>.</summary>
    public string CompileOpenCL(IlgpuKernelEntry entry)
    {
        lock (_gate)
        {
            var kernel = (CLCompiledKernel)_cl.Compile(Describe(entry), KernelSpecialization.Empty);
            return kernel.Source;
        }
    }

    /// <summary>The entry point description ILGPU's accelerators build for this entry's launcher.</summary>
    public static EntryPointDescription Describe(IlgpuKernelEntry entry) => entry.ExplicitlyGrouped
        ? EntryPointDescription.FromExplicitlyGroupedKernel(entry.Method)
        : EntryPointDescription.FromImplicitlyGroupedKernel(entry.Method);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var backend in _ptx.Values)
            backend.Dispose();
        _cl.Dispose();
        _context.Dispose();
    }
}
