namespace GpuKMeans.Cli.Shared;

/// <summary>The <c>--backend</c> values and opening a device for one.</summary>
internal static class CliBackends
{
    /// <summary>The <c>--backend</c> values, lower case, as the help lists them.</summary>
    public static readonly string[] Names = ["auto", "cuda", "opencl", "cpu", "ilgpu-cpu"];

    /// <summary>The help text of <c>--backend</c>.</summary>
    public const string Description =
        "Device: auto takes CUDA, then an OpenCL GPU, then the CPU; cpu is the host CPU backend; "
        + "ilgpu-cpu runs the GPU kernels on ILGPU's CPU accelerator (slow, for checking kernels without a GPU).";

    /// <summary>Maps a <c>--backend</c> value (any case) to the library's enum.</summary>
    /// <exception cref="CliUsageException">The value is not one of <see cref="Names"/>.</exception>
    public static KMeansBackend Parse(string value) => value.ToLowerInvariant() switch
    {
        "auto" => KMeansBackend.Auto,
        "cuda" => KMeansBackend.Cuda,
        "opencl" => KMeansBackend.OpenCL,
        "cpu" => KMeansBackend.Cpu,
        "ilgpu-cpu" => KMeansBackend.IlgpuCpu,
        _ => throw new CliUsageException($"--backend: '{value}' is not one of {string.Join(", ", Names)}"),
    };

    /// <summary>The <c>--backend</c> value that selects <paramref name="backend"/>.</summary>
    public static string NameOf(KMeansBackend backend) => backend switch
    {
        KMeansBackend.Cuda => "cuda",
        KMeansBackend.OpenCL => "opencl",
        KMeansBackend.Cpu => "cpu",
        KMeansBackend.IlgpuCpu => "ilgpu-cpu",
        _ => "auto",
    };

    /// <summary>Opens the device of <paramref name="value"/> (a <c>--backend</c> value).</summary>
    /// <exception cref="CliUsageException">The value is unknown, or that backend has no device here.</exception>
    /// <param name="value">A <c>--backend</c> value.</param>
    /// <param name="devices">A <c>--devices</c> list (<c>0,1</c>), or null for the backend's one device.</param>
    public static KMeansDevice Open(string value, string? devices = null)
    {
        var backend = Parse(value);
        try
        {
            if (devices is null)
                return KMeansDevice.Create(backend);
            if (backend == KMeansBackend.Auto)
                throw new CliUsageException("--devices needs --backend cuda, opencl, cpu or ilgpu-cpu: say which kind of device the indices count");
            return KMeansDevice.Create(backend, ParseDevices(devices));
        }
        catch (NotSupportedException e)
        {
            throw new CliUsageException($"--backend {value}: {InOptionTerms(e.Message)}");
        }
        catch (ArgumentException e) when (e.ParamName == "deviceIds")
        {
            throw new CliUsageException($"--devices {devices}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>The indices of a <c>--devices</c> list.</summary>
    /// <exception cref="CliUsageException">An item is not a non-negative integer.</exception>
    public static int[] ParseDevices(string devices) =>
        [.. devices.Split(',', StringSplitOptions.TrimEntries).Select(item =>
            int.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id)
                ? id
                : throw new CliUsageException($"--devices: '{item}' is not a device index (a non-negative integer; the list is comma-separated, e.g. 0,1)"))];

    /// <summary>
    /// A library message in the tool's terms: its advice sentence about the <see cref="KMeansBackend"/> enum
    /// (<c>Use KMeansBackend.Auto or Cpu.</c>) becomes the <c>--backend</c> values to use instead; other messages are kept.
    /// </summary>
    internal static string InOptionTerms(string message)
    {
        int advice = message.IndexOf("Use KMeansBackend.", StringComparison.Ordinal);
        if (advice < 0)
            return message;
        return $"{message[..advice].TrimEnd()} Use --backend auto (the best device present) or --backend cpu; 'gpukmeans devices' lists what this machine has.";
    }
}
