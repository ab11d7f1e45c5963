using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GpuKMeans.Tests.Readme;

/// <summary>The quick start swaps Console.Out, which is process-wide: run it while no other test runs.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>The C# quick start in README.md compiles as a program of its own, runs, and prints scikit-learn's answer.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ReadmeQuickStartTests
{
    private const string Heading = "## Quick start (C#)";

    /// <summary>The global usings that the SDK's ImplicitUsings gives a console project.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public void QuickStart_CompilesRunsAndPrintsTheExpectedClusters()
    {
        string source = ExtractQuickStart(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")));
        byte[] image = Compile(source);
        string output = Run(image);
        TestContext.Current.SendDiagnosticMessage($"README quick start printed:\n{output}");

        Assert.Contains("inertia 16", output);
        Assert.Matches(new Regex(@"inertia 16(?![\d.])"), output); // exactly 16: integer points, exact means
        Assert.Contains("(1, 2)", output);
        Assert.Contains("(10, 2)", output);
        var centroidLines = output.Split('\n').Where(line => line.StartsWith("centroid ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, centroidLines.Length);
        Assert.Single(centroidLines, line => line.Contains("(1, 2)", StringComparison.Ordinal));
        Assert.Single(centroidLines, line => line.Contains("(10, 2)", StringComparison.Ordinal));

        var predict = Regex.Match(output, @"\(0, 0\) is in cluster (\d+), \(12, 3\) in cluster (\d+)");
        Assert.True(predict.Success, $"The predict line is missing from the output:\n{output}");
        Assert.NotEqual(predict.Groups[1].Value, predict.Groups[2].Value);

        // (0, 0) is nearer (1, 2), (12, 3) nearer (10, 2): each lands in the cluster of that centroid's line.
        string ClusterOf(string centroid) =>
            Regex.Match(centroidLines.Single(line => line.Contains(centroid, StringComparison.Ordinal)), @"^centroid (\d+):").Groups[1].Value;
        Assert.Equal(ClusterOf("(1, 2)"), predict.Groups[1].Value);
        Assert.Equal(ClusterOf("(10, 2)"), predict.Groups[2].Value);
    }

    /// <summary>Every other C# block of the README is a whole program too: each compiles and runs without throwing.</summary>
    [Fact]
    public void EveryCSharpBlock_CompilesAndRuns()
    {
        var lines = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).ReplaceLineEndings("\n").Split('\n');
        int blocks = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
                continue;
            int close = Array.FindIndex(lines, i + 1, line => line.Trim() == "```");
            Assert.True(close > i, $"README.md line {i + 1}: a ```csharp block without its closing fence");
            string output = Run(Compile(string.Join("\n", lines[(i + 1)..close])));
            Assert.False(string.IsNullOrWhiteSpace(output), $"README.md line {i + 1}: the block printed nothing");
            blocks++;
            i = close;
        }
        Assert.True(blocks >= 2, $"expected the quick start and the devices example, found {blocks} C# blocks");
    }

    [Fact]
    public void Extraction_FailsClearlyWithoutHeadingOrBlock()
    {
        var noHeading = Assert.Throws<InvalidOperationException>(() => ExtractQuickStart("# Title\n\n```csharp\nx();\n```\n"));
        Assert.Contains(Heading, noHeading.Message);
        var noBlock = Assert.Throws<InvalidOperationException>(() => ExtractQuickStart($"{Heading}\n\nSome text.\n\n## Next\n\n```csharp\nx();\n```\n"));
        Assert.Contains("```csharp", noBlock.Message);
        var unclosed = Assert.Throws<InvalidOperationException>(() => ExtractQuickStart($"{Heading}\n\n```csharp\nx();\n"));
        Assert.Contains("closing", unclosed.Message);
        Assert.Equal("x();\ny();", ExtractQuickStart($"{Heading}\r\n\r\n```csharp\r\nx();\r\ny();\r\n```\r\n").ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// The body of the first ```csharp block after the quick-start heading and before the next heading of the
    /// same or a higher level.
    /// </summary>
    private static string ExtractQuickStart(string readme)
    {
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        int heading = Array.FindIndex(lines, line => line.TrimEnd() == Heading);
        if (heading < 0)
            throw new InvalidOperationException($"README.md has no line \"{Heading}\".");

        int open = -1;
        for (int i = heading + 1; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal))
                break;
            if (line == "```csharp" || line == "```cs" || line == "```c#")
            {
                open = i;
                break;
            }
        }
        if (open < 0)
            throw new InvalidOperationException($"README.md's \"{Heading}\" section has no ```csharp code block.");

        int close = Array.FindIndex(lines, open + 1, line => line.Trim() == "```");
        if (close < 0)
            throw new InvalidOperationException($"README.md's \"{Heading}\" code block has no closing ``` fence.");
        return string.Join("\n", lines[(open + 1)..close]);
    }

    private static byte[] Compile(string source)
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "GlobalUsings.g.cs"),
            CSharpSyntaxTree.ParseText(source, parseOptions, path: "README.md"),
        };
        var compilation = CSharpCompilation.Create(
            "ReadmeQuickStart",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(emitted.Success && errors.Length == 0,
            $"The README quick start does not compile:\n{string.Join("\n", emitted.Diagnostics)}\n--- source ---\n{source}");
        return stream.ToArray();
    }

    /// <summary>
    /// Every non-dynamic loaded assembly with a file, then the trusted platform assemblies, one per simple name
    /// (two files of the same assembly would make Roslyn report duplicate types).
    /// </summary>
    private static List<MetadataReference> References()
    {
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string? path)
        {
            if (!string.IsNullOrEmpty(path) && File.Exists(path))
                paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        Add(typeof(GpuKMeans.KMeans).Assembly.Location);
        Add(typeof(ILGPU.Context).Assembly.Location);
        Add(typeof(GpuKMeans.ML.GpuKMeansEstimator).Assembly.Location);   // the README's ML.NET block
        Add(typeof(Microsoft.ML.MLContext).Assembly.Location);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            if (!assembly.IsDynamic)
                Add(assembly.Location);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string trusted)
            foreach (string path in trusted.Split(Path.PathSeparator))
                Add(path);

        Assert.Contains("GpuKMeans", paths.Keys);
        Assert.Contains("ILGPU", paths.Keys);
        Assert.Contains("System.Runtime", paths.Keys);
        return [.. paths.Values.Select(path => MetadataReference.CreateFromFile(path))];
    }

    /// <summary>Runs the program's entry point in a collectible load context and returns what it wrote to the console.</summary>
    private static string Run(byte[] image)
    {
        var context = new AssemblyLoadContext("ReadmeQuickStart", isCollectible: true);
        var originalOut = Console.Out;
        var output = new StringWriter();
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image));
            var entryPoint = assembly.EntryPoint ?? throw new InvalidOperationException("The compiled quick start has no entry point.");
            object?[]? arguments = entryPoint.GetParameters().Length == 0 ? null : [Array.Empty<string>()];
            Console.SetOut(output);
            try
            {
                var returned = entryPoint.Invoke(null, arguments);
                if (returned is Task task)
                    task.GetAwaiter().GetResult();
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            }
        }
        finally
        {
            Console.SetOut(originalOut);
            context.Unload();
        }
        return output.ToString().ReplaceLineEndings("\n");
    }
}
