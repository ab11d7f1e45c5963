using System.Globalization;
using System.Text.Json;
using GpuKMeans.Cli.Fit;
using GpuKMeans.Cli.Output;
using GpuKMeans.Cli.Shared;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace GpuKMeans.Cli.Devices;

/// <summary>
/// Runs <c>gpukmeans devices</c>: opens the device of every backend <see cref="KMeansDevice.Available"/> lists and
/// prints its name, memory and (CUDA) compute capability, then every device of an ILGPU context, opened or not.
/// </summary>
internal static class DevicesRunner
{
    /// <summary>Lists the devices; returns the exit code (0).</summary>
    public static int Run(CliConsole console, bool json)
    {
        var available = KMeansDevice.Available();
        var backends = available.Select(Describe).ToList();
        var all = ListIlgpuDevices();
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(
                new { auto = CliBackends.NameOf(available[0]), backends, ilgpuDevices = all }, FitJson.SerializerOptions));
            return 0;
        }
        console.Out.WriteLine($"Backends (--backend; auto takes {CliBackends.NameOf(available[0])}):");
        WriteTable(console.Out, "backend", backends);
        console.Out.WriteLine();
        console.Out.WriteLine("Devices ILGPU sees:");
        WriteTable(console.Out, "type", all);
        return 0;
    }

    private static DeviceInfo Describe(KMeansBackend backend)
    {
        string name = CliBackends.NameOf(backend);
        try
        {
            using var device = KMeansDevice.Create(backend);
            string? capability = device.Accelerator is CudaAccelerator gpu ? Capability(gpu.Architecture) : null;
            string? details = device.Accelerator switch
            {
                CudaAccelerator cuda => $"driver {cuda.DriverVersion}",
                CLAccelerator cl => $"{cl.VendorName}, {cl.CVersion}",
                null => $"{Environment.ProcessorCount} host threads",
                var accelerator when backend == KMeansBackend.IlgpuCpu =>
                    $"ILGPU CPU accelerator, {accelerator.MaxNumThreadsPerGroup} threads per group (simulated)",
                _ => null,
            };
            var (bytes, note) = DeviceInfo.Memory(device.MemorySize, device.Accelerator is null or CPUAccelerator);
            return new DeviceInfo(name, device.BackendName, device.Name, bytes, note, capability, details);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or AcceleratorException)
        {
            return new DeviceInfo(name, "-", "could not be opened", null, "not opened", null, CliBackends.InOptionTerms(e.Message));
        }
    }

    private static List<DeviceInfo> ListIlgpuDevices()
    {
        using var context = Context.Create(builder => builder.Default());
        return [.. context.Devices.Select(d =>
        {
            var (bytes, note) = DeviceInfo.Memory(d.MemorySize, d.AcceleratorType == AcceleratorType.CPU);
            return new DeviceInfo(
                d.AcceleratorType.ToString(),
                d.AcceleratorType.ToString(),
                d.Name,
                bytes,
                note,
                d is CudaDevice cuda ? Capability(cuda.Architecture) : null,
                d is CLDevice cl ? $"{cl.VendorName}, {cl.DeviceType}" : null);
        })];
    }

    private static string? Capability(CudaArchitecture? architecture) =>
        architecture is { } a ? string.Create(CultureInfo.InvariantCulture, $"{a.Major}.{a.Minor}") : null;

    private static void WriteTable(TextWriter output, string first, IReadOnlyList<DeviceInfo> devices) =>
        TextTable.Write(output, [first, "kind", "device", "memory GiB", "compute capability", "details"],
            [.. devices.Select(d => (IReadOnlyList<string>)
                [d.Backend, d.Kind, d.Device, d.MemoryGiB is { } gib ? gib.ToString("F2", CultureInfo.InvariantCulture) : "-", d.ComputeCapability ?? "-", d.Details ?? ""])]);
}
