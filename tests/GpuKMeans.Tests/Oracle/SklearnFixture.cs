using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace GpuKMeans.Tests.Oracle;

/// <summary>
/// scikit-learn behind <c>sklearn_lloyd.py</c>, run by Debian's <c>/usr/bin/python3</c> (never the <c>python3</c> on
/// PATH, which may be another Python without Debian's packages). On first use, when that interpreter cannot import
/// scikit-learn and NumPy, runs <c>.ci/install-sklearn.sh</c> once; when it still cannot, every oracle test skips
/// with the reason.
/// </summary>
public sealed class SklearnFixture
{
    /// <summary>Debian's Python, where python3-sklearn and python3-numpy install.</summary>
    public const string PythonPath = "/usr/bin/python3";

    private readonly Lazy<string?> _unavailable = new(FindUnavailableReason, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The driver script, copied next to the test assembly.</summary>
    public static string DriverPath => Path.Combine(AppContext.BaseDirectory, "Oracle", "sklearn_lloyd.py");

    /// <summary>Skips the calling test when scikit-learn cannot be used.</summary>
    public void RequireSklearn()
    {
        if (_unavailable.Value is { } reason)
            Assert.Skip(reason);
    }

    /// <summary>Sends one request to the driver and returns its JSON answer (skips when scikit-learn is unavailable).</summary>
    public JsonNode Ask(object request)
    {
        RequireSklearn();
        var (exitCode, stdout, stderr) = Run(PythonPath, [DriverPath], JsonSerializer.Serialize(request), TimeSpan.FromMinutes(2));
        if (exitCode != 0)
            throw new InvalidOperationException($"sklearn_lloyd.py exited {exitCode}: {stderr}");
        return JsonNode.Parse(stdout) ?? throw new InvalidOperationException("sklearn_lloyd.py wrote no JSON");
    }

    private static string? FindUnavailableReason()
    {
        if (!File.Exists(DriverPath))
            return $"scikit-learn oracle: driver missing at {DriverPath}";
        if (CanImport() is null)
            return null;
        string? script = FindInstallScript();
        if (script is not null)
        {
            try
            {
                Run("/bin/bash", [script], "", TimeSpan.FromMinutes(8));
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
            {
                // Reported below through the import check.
            }
        }
        string? error = CanImport();
        return error is null
            ? null
            : $"scikit-learn not available: {PythonPath} cannot import sklearn and numpy ({error}); " +
              "run .ci/install-sklearn.sh as root (apt-get install python3-sklearn python3-numpy)";
    }

    /// <summary>Null when /usr/bin/python3 imports scikit-learn and NumPy; otherwise why not.</summary>
    private static string? CanImport()
    {
        if (!File.Exists(PythonPath))
            return $"{PythonPath} does not exist";
        try
        {
            var (exitCode, _, stderr) = Run(PythonPath, ["-c", "import sklearn, numpy"], "", TimeSpan.FromMinutes(1));
            return exitCode == 0 ? null : stderr.Trim().Split('\n')[^1];
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return e.Message;
        }
    }

    private static string? FindInstallScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, ".ci", "install-sklearn.sh");
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string file, string[] args, string stdin, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
