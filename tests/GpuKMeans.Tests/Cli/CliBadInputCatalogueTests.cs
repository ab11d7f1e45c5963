using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// The command-line half of the bad-input catalogue: one row per bad file or bad option, each run in-process in a
/// fresh temp directory and asserting exit code 2, nothing on standard output, no file left behind, and words of
/// the message on standard error (file:line:column, the option, the value). Many rows re-express cases of
/// <see cref="CliBadInputTests"/>, <see cref="CliFitErrorTests"/> and <see cref="CliGenerateTests"/> as a table.
/// </summary>
public sealed class CliBadInputCatalogueTests : IDisposable
{
    /// <summary>Six points in two columns: two clusters of three.</summary>
    private const string Six = "1,2\n1,4\n1,0\n10,2\n10,4\n10,0\n";

    private readonly CliTempDirectory _dir = new();

    /// <summary>Deletes the temp directory.</summary>
    public void Dispose() => _dir.Dispose();

    /// <summary>One catalogue row.</summary>
    /// <param name="Args">Writes the row's input files into the directory and returns the command line.</param>
    /// <param name="Words">Texts standard error must contain.</param>
    public sealed record Case(Func<CliTempDirectory, string[]> Args, string[] Words);

    /// <summary>A CPU fit (k = 1) of a data.csv holding <paramref name="csv"/>.</summary>
    private static Case Cell(string csv, params string[] words) =>
        new(dir => CliData.FitArgs(dir.Write("data.csv", csv), 1), words);

    /// <summary>A CPU fit of the six points with <paramref name="options"/>.</summary>
    private static Case Fit(string[] options, params string[] words) =>
        new(dir => ["fit", dir.Write("data.csv", Six), "--backend", "cpu", "--seed", "0", .. options], words);

    /// <summary>A CPU fit (k = 2) with an option naming a path under a regular file.</summary>
    private static Case UnderAFile(string option, params string[] words) =>
        new(dir => CliData.FitArgs(dir.Write("data.csv", Six), 2, option, Path.Combine(dir.Write("file.txt", "x"), "x.csv")), words);

    /// <summary><c>generate blobs</c> of 10 points writing points.csv, with <paramref name="options"/>.</summary>
    private static Case Generate(string[] options, params string[] words) =>
        new(dir => ["generate", "blobs", "--n", "10", "--seed", "1", .. options, "--out", dir.PathOf("points.csv")], words);

    /// <summary>A CPU fit (k = 1) of a binary file named <paramref name="name"/> holding <paramref name="bytes"/>.</summary>
    private static Case Binary(string name, byte[] bytes, string[] options, params string[] words) =>
        new(dir =>
        {
            File.WriteAllBytes(dir.PathOf(name), bytes);
            return CliData.FitArgs(dir.PathOf(name), 1, options);
        }, words);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // CSV cells: file:line:column and the cell.
        ["csv: a word"] = Cell("1,2\n3,4\n5,abc\n", "data.csv:3:2: 'abc' is not a number"),
        ["csv: a word after a header and a blank line"] = Cell("x,y\n1,2\n\n3,4\nfoo,5\n", "data.csv:5:1: 'foo' is not a number"),
        ["csv: trailing garbage"] = Cell("1,2\n3,4x\n", "data.csv:2:2: '4x' is not a number"),
        ["csv: a backslash, 0\\0"] = Cell("1,2\n3,0\\0\n", "data.csv:2:2: '0\\0' is not a number"),
        ["csv: a NUL character, 0<NUL>"] = Cell("1,2\n3,0\0\n", "data.csv:2:2: '0\\u0000' is not a number"),
        ["csv: an empty cell"] = Cell("1,2\r\n3,4\r\n5,\r\n", "data.csv:3:2: empty cell"),
        ["csv: a short row"] = Cell("1,2,3\n4,5,6\n7,8\n", "data.csv:3: expected 3 columns, found 2"),
        ["csv: a long row after a header"] = Cell("a,b\n1,2\n3,4,5\n", "data.csv:3: expected 2 columns, found 3"),
        ["csv: NaN"] = Cell("1,2\n3,NaN\n", "data.csv:2:2: 'NaN' is not a finite number"),
        ["csv: Infinity"] = Cell("1,2\n3,4\nInfinity,4\n", "data.csv:3:1: 'Infinity' is not a finite number"),
        ["csv: -Infinity"] = Cell("1,2\n3,-Infinity\n", "data.csv:2:2: '-Infinity' is not a finite number"),
        ["csv: inf"] = Cell("1,2\n3,inf\n", "data.csv:2:2: 'inf' is not a finite number"),
        ["csv: -inf"] = Cell("1,2\n-inf,4\n", "data.csv:2:1: '-inf' is not a finite number"),
        ["csv: -inf on the first row"] = Cell("-inf,2\n3,4\n", "data.csv:1:1: '-inf' is not a finite number"),
        ["csv: 1e39, beyond float32"] = Cell("1,2\n3,1e39\n", "data.csv:2:2: '1e39' is too large for a 32-bit float"),
        ["csv: an empty file"] = Cell("", "data.csv: the file is empty"),
        ["csv: a header and no rows"] = Cell("x,y\n", "data.csv: the file has a header row but no rows of numbers"),
        ["csv: a missing file"] = new(dir => CliData.FitArgs(dir.PathOf("nope.csv"), 1), ["file not found: ", "nope.csv"]),
        ["tsv: NaN"] = new(dir => CliData.FitArgs(dir.Write("data.tsv", "a\tb\n1\t2\n3\tNaN\n"), 1),
            ["data.tsv:3:2: 'NaN' is not a finite number"]),

        // Binary inputs: row and column, byte counts.
        ["npy: NaN at row 2, column 1"] = Binary("nan.npy", CliNpy.Float32([1, 2, 3, 4, 5, float.NaN], 3, 2), [],
            "nan.npy: row 2, column 1 (0-based)", "not a finite number"),
        ["npy: 5 bytes cut off"] = Binary("cut.npy", CliNpy.Float32(new float[12], 6, 2)[..^5], [], "cut.npy: truncated", "only 43 follow"),
        ["raw: without --dims"] = Binary("six.f32", new byte[48], [], "--dims is required"),
        ["raw: 44 bytes in rows of 2"] = Binary("odd.f32", new byte[44], ["--dims", "2"], "odd.f32: 44 bytes is not a whole number of points"),

        // fit options: the option and the value.
        ["fit: --k 0"] = Fit(["--k", "0"], "--k must be at least 1, got 0"),
        ["fit: --k 7 on 6 rows"] = Fit(["--k", "7"], "--k 7 is more than the 6 rows"),
        ["fit: --k x"] = Fit(["--k", "x"], "--k", "x"),
        ["fit: no --k"] = Fit([], "--k"),
        ["fit: --bogus"] = Fit(["--k", "2", "--bogus"], "--bogus"),
        ["fit: --init kmeans"] = Fit(["--k", "2", "--init", "kmeans"], "--init", "kmeans"),
        ["fit: --backend gpu"] = Fit(["--k", "2", "--backend", "gpu"], "--backend", "gpu"),
        ["fit: --n-init 0"] = Fit(["--k", "2", "--n-init", "0"], "--n-init"),
        ["fit: --max-iter 0"] = Fit(["--k", "2", "--max-iter", "0"], "--max-iter"),
        ["fit: --tol -1"] = Fit(["--k", "2", "--tol", "-1"], "--tol"),
        ["fit: --columns 0,5 of 2"] = Fit(["--k", "2", "--columns", "0,5"], "--columns", "column 5 does not exist"),
        ["fit: --delimiter ab"] = Fit(["--k", "2", "--delimiter", "ab"], "--delimiter: 'ab' is not one character"),
        ["fit: --elbow 7 on 6 rows"] = new(dir => ["fit", dir.Write("data.csv", Six), "--k", "2", "--backend", "cpu",
            "--report", dir.PathOf("r.html"), "--elbow", "7"], ["--elbow 7 is more than the 6 rows", "data.csv"]),
        ["fit: --elbow 0"] = new(dir => ["fit", dir.Write("data.csv", Six), "--k", "2", "--backend", "cpu",
            "--report", dir.PathOf("r.html"), "--elbow", "0"], ["--elbow must be at least 1, got 0"]),
        ["fit: --elbow without --report"] = Fit(["--k", "2", "--elbow", "3"], "--elbow is only used by --report"),
        ["fit: --truth without --report"] = Fit(["--k", "2", "--truth", "t.csv"], "--truth is only used by --report"),
        ["fit: --init file of 3 rows for k = 2"] = new(dir => CliData.FitArgs(dir.Write("data.csv", Six), 2,
            "--init", dir.Write("init.csv", "1,2\n3,4\n5,6\n")), ["init.csv: expected 2 rows"]),

        // Outputs: the option, checked before the fit.
        ["fit: --labels in a missing directory"] = Fit(["--k", "2", "--labels", "no/such/dir/labels.csv"], "--labels"),
        ["fit: --labels under a regular file"] = UnderAFile("--labels", "--labels: ", "not writable"),
        ["fit: --centroids under a regular file"] = UnderAFile("--centroids", "--centroids: ", "not writable"),
        ["fit: --report under a regular file"] = UnderAFile("--report", "--report: ", "not writable"),
        ["fit: --labels and --centroids the same file"] = new(dir => CliData.FitArgs(dir.Write("data.csv", Six), 2,
            "--labels", dir.PathOf("out.csv"), "--centroids", dir.PathOf("out.csv")), ["--labels and --centroids name the same file"]),
        ["elbow: --csv under a regular file"] = new(dir => ["elbow", dir.Write("data.csv", Six), "--k-max", "2", "--backend", "cpu",
            "--csv", Path.Combine(dir.Write("file.txt", "x"), "e.csv")], ["--csv: ", "not writable"]),

        // generate blobs: the option and the value.
        ["generate: --n 0"] = new(dir => ["generate", "blobs", "--n", "0", "--centers", "2", "--out", dir.PathOf("points.csv")],
            ["--n must be at least 1, got 0"]),
        ["generate: --centers 0"] = Generate(["--centers", "0"], "--centers must be at least 1, got 0"),
        ["generate: --centers with a word"] = Generate(["--centers", "1,2;3,x"], "--centers '1,2;3,x': 'x' is not a finite number"),
        ["generate: --centers of unequal length"] = Generate(["--centers", "1,2;3"], "--centers", "same number of coordinates"),
        ["generate: --centers 1e39, beyond float32"] = Generate(["--centers", "1e39,1;2,2"],
            "--centers '1e39,1;2,2': '1e39' is too large for a 32-bit float"),
        ["generate: --std -1"] = Generate(["--centers", "2", "--std", "-1"], "--std must be finite and non-negative"),
        ["generate: --std 1e39, beyond float32"] = Generate(["--centers", "2", "--std", "1e39"], "--std 1E+39 is too large for a 32-bit float"),
        ["generate: points beyond float32"] = Generate(["--centers", "3.4e38,-3.4e38", "--std", "1e38"],
            "--centers '3.4e38,-3.4e38' with --std 1E+38", "beyond the 32-bit float range"),
        ["generate: --out under a regular file"] = new(dir => ["generate", "blobs", "--n", "10", "--centers", "2",
            "--out", Path.Combine(dir.Write("file.txt", "x"), "p.csv")], ["--out: ", "not writable"]),
    };

    /// <summary>The catalogue's case names.</summary>
    public static TheoryData<string> Names => [.. Cases.Keys];

    /// <summary>The number of rows, checked so the catalogue does not shrink unnoticed.</summary>
    [Fact]
    public void CatalogueHasItsRows() => Assert.True(Cases.Count >= 40, $"{Cases.Count} rows");

    [Theory]
    [MemberData(nameof(Names))]
    public void BadInputExitsTwoWithAMessage(string name)
    {
        string[] args = Cases[name].Args(_dir);
        string[] before = _dir.FileNames();

        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Out);
        foreach (string word in Cases[name].Words)
            Assert.Contains(word, run.Err);
        Assert.Equal(before, _dir.FileNames()); // no output file, no temp file
    }
}
