namespace GpuKMeans.Tests.Readme;

/// <summary>The clone the tests were built from.</summary>
internal static class Repository
{
    /// <summary>The folder holding <c>GpuKMeans.sln</c>, found above the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GpuKMeans.sln")))
                return dir.FullName;
        throw new InvalidOperationException("GpuKMeans.sln not found above " + AppContext.BaseDirectory);
    }
}
