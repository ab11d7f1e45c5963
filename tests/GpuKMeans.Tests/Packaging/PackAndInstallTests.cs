using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace GpuKMeans.Tests.Packaging;

/// <summary>
/// Runs <c>.ci/pack-and-install.sh</c> (pack both packages into a local feed, install the tool from it into a temp
/// folder, run <c>gpukmeans --help</c> and the demo), then opens the packages: the library carries its readme,
/// licence, project URL, XML docs and a real version; the tool carries native libraries for the platforms it
/// declares (linux-x64) only. Two Release builds: minutes, hence the <c>Size=Large</c> trait.
/// </summary>
public sealed class PackAndInstallTests
{
    [Fact]
    [Trait("Category", "Slow")]   // worker processes or Release builds: in .ci/run, not in a plain dotnet test
    [Trait("Size", "Large")]
    public void BothPackagesPackAndTheToolInstallsAndRuns()
    {
        string root = RepositoryRoot();
        string feed = Directory.CreateTempSubdirectory("gpukmeans-feed-").FullName;
        try
        {
            var (exit, output) = RunScript(root, feed);

            Assert.True(exit == 0, $"pack-and-install.sh exited {exit}:\n{output}");
            Assert.Contains("pack-and-install: ok", output);
            Assert.Contains("Usage:", output);                // gpukmeans --help
            Assert.Contains("Elbow", output, StringComparison.OrdinalIgnoreCase); // the demo's elbow table
            string tool = Directory.GetFiles(feed, "GpuKMeans.Cli.*.nupkg").Single();
            string library = Directory.GetFiles(feed, "GpuKMeans.*.nupkg").Single(p => p != tool);
            TestContext.Current.SendDiagnosticMessage(
                $"package sizes: {Path.GetFileName(library)} {new FileInfo(library).Length:N0} bytes, {Path.GetFileName(tool)} {new FileInfo(tool).Length:N0} bytes");
            LibraryCarriesItsMetadata(library);
            ToolCarriesDeclaredNativesOnly(tool);
        }
        finally
        {
            Directory.Delete(feed, recursive: true);
        }
    }

    private static void LibraryCarriesItsMetadata(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        string[] entries = [.. zip.Entries.Select(e => e.FullName)];
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains("lib/net10.0/GpuKMeans.dll", entries);
        Assert.Contains("lib/net10.0/GpuKMeans.xml", entries);
        var metadata = Nuspec(zip);
        Assert.Equal("MIT", Element(metadata, "license"));
        Assert.Equal("README.md", Element(metadata, "readme"));
        Assert.StartsWith("https://", Element(metadata, "projectUrl"));
        Assert.NotEqual("1.0.0", Element(metadata, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description")));
    }

    private static void ToolCarriesDeclaredNativesOnly(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        string[] natives = [.. zip.Entries.Select(e => e.FullName).Where(n => n.Contains("/runtimes/", StringComparison.Ordinal))];
        Assert.Contains(natives, n => n.EndsWith("/runtimes/linux-x64/native/libSkiaSharp.so", StringComparison.Ordinal));
        Assert.All(natives, n => Assert.Contains("/runtimes/linux-x64/", n));
        Assert.Contains("README.md", zip.Entries.Select(e => e.FullName));
    }

    private static XElement Nuspec(ZipArchive zip)
    {
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Element(XElement metadata, string name) =>
        metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    private static (int Exit, string Output) RunScript(string root, string feed)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(root, ".ci", "pack-and-install.sh"), feed])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild variables would point the nested dotnet at this build's MSBuild.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>The clone's root: the first folder above the test binaries that holds <c>.ci/pack-and-install.sh</c>.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".ci", "pack-and-install.sh")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no .ci/pack-and-install.sh above {AppContext.BaseDirectory}");
    }
}
