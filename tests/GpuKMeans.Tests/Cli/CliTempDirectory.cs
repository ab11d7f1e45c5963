namespace GpuKMeans.Tests.Cli;

/// <summary>A fresh temporary directory for one test, deleted on dispose.</summary>
public sealed class CliTempDirectory : IDisposable
{
    /// <summary>Creates an empty directory under the system temp folder.</summary>
    public CliTempDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "gpukmeans-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The directory's full path.</summary>
    public string Root { get; }

    /// <summary>The full path of <paramref name="name"/> in this directory (not created).</summary>
    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> and returns its full path.</summary>
    public string Write(string name, string content)
    {
        string path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The names of the files in the directory, sorted.</summary>
    public string[] FileNames() => [.. Directory.GetFiles(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>Deletes the directory and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail a test.
        }
    }
}
