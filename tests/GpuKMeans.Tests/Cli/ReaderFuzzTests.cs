using System.Globalization;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// Property-based fuzzing of the CSV and .npy readers through the whole command line, for a bounded time: valid
/// files from <see cref="FuzzInputs"/> are mutated and fed to <c>fit</c> (and, for a share of cases, <c>predict</c>
/// and <c>elbow</c>), asserting the crash-free guarantee: exit 0 or 2, never 1 or an escaping exception; on exit 2
/// a message on standard error naming the file; no file left behind; no run longer than <see cref="CaseTimeout"/>.
/// The seed is printed and read from <c>GPUKMEANS_FUZZ_SEED</c>; the budget per test is <c>GPUKMEANS_FUZZ_SECONDS</c>
/// (default <see cref="DefaultSeconds"/>). The cases run in a fixed order, so a seed reproduces a failure.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    /// <summary>Seconds of fuzzing per test when <c>GPUKMEANS_FUZZ_SECONDS</c> is not set.</summary>
    private const double DefaultSeconds = 10;

    /// <summary>The longest one run may take before it counts as a hang.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    private readonly CliTempDirectory _dir = new();

    /// <summary>Deletes the temp directory.</summary>
    public void Dispose() => _dir.Dispose();

    /// <summary>Mutated CSV and TSV files, with and without headers, quotes and CRLF.</summary>
    [Fact]
    [Trait("Category", "Slow")]   // a time budget per reader: in .ci/run, not in a plain dotnet test
    public async Task Csv_reader_survives_mutated_files()
    {
        int cases = await Fuzz("csv", rng =>
        {
            var (bytes, tsv) = FuzzInputs.Csv(rng);
            return (rng.Next(8) == 0 ? bytes : FuzzInputs.Mutate(rng, bytes, npy: false), tsv ? "in.tsv" : "in.csv");
        });
        Assert.True(cases > 0);
    }

    /// <summary>Mutated .npy files: byte edits and header-field edits of float32/float64 version 1.0 files.</summary>
    [Fact]
    [Trait("Category", "Slow")]   // a time budget per reader: in .ci/run, not in a plain dotnet test
    public async Task Npy_reader_survives_mutated_files()
    {
        int cases = await Fuzz("npy", rng =>
        {
            byte[] bytes = rng.Next(3) == 0 ? FuzzInputs.NpyHeaderEdit(rng) : FuzzInputs.Npy(rng);
            return (rng.Next(8) == 0 ? bytes : FuzzInputs.Mutate(rng, bytes, npy: true), "in.npy");
        });
        Assert.True(cases > 0);
    }

    /// <summary>Inputs the fuzzer once found trouble with, kept as fixed cases (base64 of the file, its name).</summary>
    public static TheoryData<string, string> Regressions => new()
    {
        { "", "empty.npy" },
        { "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDAsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo=", "zero-rows.npy" },
    };

    /// <summary>Each kept input passes the guarantee under fit, predict and elbow.</summary>
    [Theory]
    [MemberData(nameof(Regressions))]
    public async Task Regression_inputs_pass(string base64, string name)
    {
        byte[] bytes = Convert.FromBase64String(base64);
        foreach (Command command in Enum.GetValues<Command>())
            await Check(bytes, name, command, $"regression {name}");
    }

    /// <summary>The three commands a case may run.</summary>
    private enum Command { Fit, Predict, Elbow }

    /// <summary>Runs mutated inputs from <paramref name="next"/> until the budget is spent; returns how many ran.</summary>
    private async Task<int> Fuzz(string what, Func<Random, (byte[] Bytes, string Name)> next)
    {
        int seed = Environment.GetEnvironmentVariable("GPUKMEANS_FUZZ_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        double seconds = Environment.GetEnvironmentVariable("GPUKMEANS_FUZZ_SECONDS") is { Length: > 0 } budget
            ? double.Parse(budget, CultureInfo.InvariantCulture)
            : DefaultSeconds;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{what} fuzz seed: {seed} (set GPUKMEANS_FUZZ_SEED={seed} to reproduce), budget {seconds} s");
        var rng = new Random(seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int cases = 0;
        var exits = new int[3];
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var (bytes, name) = next(rng);
            // Most cases fit; one in four predicts and one in eight runs the elbow.
            Command command = rng.Next(8) switch { 0 or 1 => Command.Predict, 2 => Command.Elbow, _ => Command.Fit };
            int exit = await Check(bytes, name, command, $"{what} seed {seed}, case {cases}");
            exits[exit]++;
            cases++;
        }
        output?.WriteLine($"{what} fuzz: {cases} inputs in {clock.Elapsed.TotalSeconds:F1} s (exit 0: {exits[0]}, exit 2: {exits[2]})");
        return cases;
    }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="name"/>, runs <paramref name="command"/> on it and asserts the guarantee.</summary>
    private async Task<int> Check(byte[] bytes, string name, Command command, string label)
    {
        foreach (string file in Directory.GetFiles(_dir.Root))
            File.Delete(file);
        string input = _dir.PathOf(name);
        await File.WriteAllBytesAsync(input, bytes);
        string[] args = command switch
        {
            Command.Predict => ["predict", input, "--centroids", _dir.Write("centroids.csv", "0,0\n5,5\n")],
            Command.Elbow => ["elbow", input, "--k-max", "3", "--backend", "cpu", "--seed", "0"],
            _ => ["fit", input, "--k", "2", "--backend", "cpu", "--seed", "0"],
        };
        string[] before = _dir.FileNames();
        string context = $"{label}: {string.Join(' ', args.Select(Path.GetFileName))}\ninput (base64): {Convert.ToBase64String(bytes)}";

        CliRun run;
        try
        {
            run = await Task.Run(() => CliRun.Of(args)).WaitAsync(CaseTimeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"hang: no exit within {CaseTimeout.TotalSeconds} s\n{context}");
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Assert.Fail($"unhandled {e.GetType().Name} escaped the CLI: {e}\n{context}");
            throw;
        }

        Assert.True(run.ExitCode is 0 or 2, $"exit {run.ExitCode}, expected 0 or 2\n{context}\n{run}");
        // "error: unexpected XException:" is how CliApp reports an escaping exception; "(Parameter '" is an
        // ArgumentException from inside .NET that CliApp would pass off as a usage error.
        Assert.DoesNotMatch(@"error: unexpected \w+:", run.Err);
        Assert.DoesNotContain("(Parameter '", run.Err, StringComparison.Ordinal);
        if (run.ExitCode == 2)
        {
            Assert.False(string.IsNullOrWhiteSpace(run.Err), $"exit 2 with nothing on standard error\n{context}\n{run}");
            Assert.True(run.Err.Contains(name, StringComparison.Ordinal) || run.Err.Contains("centroids.csv", StringComparison.Ordinal),
                $"the message does not name the file\n{context}\n{run}");
        }
        Assert.True(before.SequenceEqual(_dir.FileNames()), $"files left behind: {string.Join(", ", _dir.FileNames().Except(before))}\n{context}\n{run}");
        return run.ExitCode;
    }
}
