namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// The external tools of the static GPU lane: ptxas, cuobjdump and nvdisasm from CUDA 11.8 (fetched by
/// <c>scripts/static-lane/fetch-cuda-tools.sh</c> from Debian 12's non-free <c>nvidia-cuda-toolkit</c> into
/// <c>$HOME/.cache/gpukmeans</c>, never installed) and Debian's <c>clang-14</c> for OpenCL C.
/// </summary>
/// <param name="CudaBin">Folder holding ptxas, cuobjdump and nvdisasm; null when they could not be fetched.</param>
/// <param name="Clang">Path of clang-14; null when it is absent.</param>
/// <param name="CudaSkipReason">Why the CUDA checks skip (null when <paramref name="CudaBin"/> is set).</param>
/// <param name="ClangSkipReason">Why the OpenCL C checks skip (null when <paramref name="Clang"/> is set).</param>
public sealed record StaticLaneTools(string? CudaBin, string? Clang, string? CudaSkipReason, string? ClangSkipReason)
{
    /// <summary>Debian's clang 14, the OpenCL C front end.</summary>
    public const string ClangPath = "/usr/bin/clang-14";

    /// <summary>ptxas (PTX to SASS assembler).</summary>
    public string Ptxas => Path.Combine(CudaBin!, "ptxas");

    /// <summary>cuobjdump (dumps the SASS of a cubin).</summary>
    public string Cuobjdump => Path.Combine(CudaBin!, "cuobjdump");

    /// <summary>Runs the fetch script (a no-op once the tools are in place) and records what is usable.</summary>
    public static StaticLaneTools Locate()
    {
        string? bin = null, cudaReason = null;
        var script = FindScript();
        if (script is null)
        {
            cudaReason = "scripts/static-lane/fetch-cuda-tools.sh not found above the test directory";
        }
        else
        {
            try
            {
                var run = ToolRun.Start("bash", [script], TimeSpan.FromMinutes(10));
                var last = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
                if (run.ExitCode == 0 && last is not null && File.Exists(Path.Combine(last, "ptxas")))
                    bin = last;
                else
                    cudaReason = $"the CUDA 11.8 tools could not be fetched (exit {run.ExitCode}; no network to deb.debian.org?): "
                        + Tail(run.Output);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException or InvalidOperationException)
            {
                cudaReason = $"fetch-cuda-tools.sh could not run: {e.Message}";
            }
        }
        bool clang = File.Exists(ClangPath);
        return new StaticLaneTools(bin, clang ? ClangPath : null, cudaReason,
            clang ? null : $"{ClangPath} is missing (apt-get install clang-14)");
    }

    /// <summary>The first line of <c>tool --version</c> that names the release, e.g. "release 11.8, V11.8.89".</summary>
    public static string Version(string tool, string marker)
    {
        var run = ToolRun.Start(tool, ["--version"]);
        var line = run.Output.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
        return (line ?? run.Output.Split('\n')[0]).Trim();
    }

    /// <summary>The repository root: the first folder above the test binaries holding the fetch script.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "static-lane", "fetch-cuda-tools.sh")))
                return dir.FullName;
        }
        return null;
    }

    private static string? FindScript() =>
        FindRepositoryRoot() is { } root ? Path.Combine(root, "scripts", "static-lane", "fetch-cuda-tools.sh") : null;

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : "…" + text[^600..].Trim();
}
