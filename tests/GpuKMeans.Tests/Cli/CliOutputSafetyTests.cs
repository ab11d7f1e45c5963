using System.Diagnostics;
using GpuKMeans.Cli;
using Xunit;

namespace GpuKMeans.Tests.Cli;

/// <summary>
/// Output files that are never destroyed (issue 10, findings 1 and 4): devices, FIFOs and standard streams are
/// written in place, links to regular files are kept, an unwritable destination exits 2 naming the option before
/// the fit, and a failing standard output or standard error gives a clean exit code.
/// </summary>
public sealed class CliOutputSafetyTests : IDisposable
{
    private readonly CliTempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Input() => _dir.Write("blobs.csv", CliData.ThreeBlobsCsv(10, header: false));

    /// <summary>The file type as <c>stat -c %F</c> prints it ("character special file", "fifo", "regular file").</summary>
    private static string FileType(string path) => Tool("stat", "-c", "%F", path).Trim();

    private static string Tool(string name, params string[] args)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{name} {string.Join(' ', args)}: {error}");
        return output;
    }

    private static bool IsRoot => Environment.UserName == "root";

    [Fact]
    public void LabelsToDevNullLeaveTheDeviceInPlace()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /dev/null and stat(1)");

        var run = CliRun.Of(CliData.FitArgs(Input(), 3, "--labels", "/dev/null"));
        var centroids = CliRun.Of(CliData.FitArgs(Input(), 3, "--centroids", "/dev/null"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(centroids.ExitCode == 0, centroids.ToString());
        Assert.Equal("character special file", FileType("/dev/null"));
    }

    [Fact]
    public void LabelsToACopyOfDevNullMadeWithMknodAreWrittenInPlace()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && IsRoot, "mknod needs root");
        string device = _dir.PathOf("null2");
        Tool("mknod", device, "c", "1", "3");

        var run = CliRun.Of(CliData.FitArgs(Input(), 3, "--labels", device));
        var elbow = CliRun.Of("elbow", Input(), "--k-max", "2", "--seed", "0", "--csv", device, "--backend", "cpu");
        var generate = CliRun.Of("generate", "blobs", "--n", "20", "--centers", "2", "--seed", "1", "--out", device);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(elbow.ExitCode == 0, elbow.ToString());
        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Equal("character special file", FileType(device));
        Assert.DoesNotContain(_dir.FileNames(), name => name.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LabelsToAFifoReachTheReaderAndKeepTheFifo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs mkfifo(1)");
        string fifo = _dir.PathOf("labels.fifo");
        Tool("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken); // blocks until the CLI opens and closes the FIFO

        var run = CliRun.Of(CliData.FitArgs(Input(), 3, "--labels", fifo));

        Assert.True(run.ExitCode == 0, run.ToString());
        string text = await reader.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(30, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("fifo", FileType(fifo));
    }

    [Fact]
    public void ASymlinkToARegularFileIsKeptAndItsTargetReplaced()
    {
        string target = _dir.Write("real.csv", "old\n");
        string link = _dir.PathOf("link.csv");
        File.CreateSymbolicLink(link, target);

        var run = CliRun.Of(CliData.FitArgs(Input(), 3, "--labels", link));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(30, File.ReadAllLines(target).Length);
        Assert.DoesNotContain(_dir.FileNames(), name => name.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--labels")]
    [InlineData("--centroids")]
    public void APathUnderARegularFileIsNotWritableAndStopsBeforeTheFit(string option)
    {
        string file = _dir.Write("file.txt", "x");

        var run = CliRun.Of(CliData.FitArgs(Input(), 3, option, Path.Combine(file, "x.csv")));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{option}: ", run.Err);
        Assert.Contains("not writable", run.Err);
        Assert.Equal("", run.Out); // no fit report: the check came first
    }

    [Fact]
    public void ElbowCsvUnderARegularFileNamesTheOption()
    {
        string file = _dir.Write("file.txt", "x");

        var run = CliRun.Of("elbow", Input(), "--k-max", "2", "--csv", Path.Combine(file, "e.csv"), "--backend", "cpu");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--csv: ", run.Err);
        Assert.Contains("not writable", run.Err);
    }

    [Fact]
    public void ProcVersionIsNotWritable()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/proc/version"), "needs /proc");

        var run = CliRun.Of(CliData.FitArgs(Input(), 3, "--labels", "/proc/version"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--labels: '/proc/version' is not writable", run.Err);
    }

    [Fact]
    public void AReadOnlyFileIsNotWritableForAnOrdinaryUser()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && !IsRoot, "root may write a read-only file");
        string file = _dir.Write("ro.csv", "old\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead);

        var run = CliRun.Of(CliData.FitArgs(Input(), 3, "--labels", file));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--labels: ", run.Err);
        Assert.Equal("old\n", File.ReadAllText(file));
    }

    [Fact]
    public void AFullStandardOutputExitsOneWithAMessage()
    {
        var stderr = new StringWriter();

        int exit = CliApp.Run(CliData.FitArgs(Input(), 3, "--json"), new FullWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Equal("gpukmeans: error: cannot write to standard output: No space left on device\n", stderr.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void AFullStandardErrorNeverThrows()
    {
        int usage = CliApp.Run(CliData.FitArgs(_dir.PathOf("missing.csv"), 3), new StringWriter(), new FullWriter());
        int both = CliApp.Run(CliData.FitArgs(Input(), 3, "--verbose"), new FullWriter(), new FullWriter());
        int parse = CliApp.Run(["fit", "--no-such-option"], new StringWriter(), new FullWriter());

        Assert.Equal(2, usage);
        Assert.Equal(1, both);
        Assert.Equal(2, parse);
    }

    [Fact]
    public void JsonToDevFullExitsOneWithAMessage()
    {
        Assert.SkipUnless(File.Exists("/dev/full"), "needs /dev/full");
        using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        var full = new StreamWriter(device) { AutoFlush = true }; // not disposed: its last flush would fail again
        var stderr = new StringWriter();

        int exit = CliApp.Run(CliData.FitArgs(Input(), 3, "--json"), full, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("cannot write to standard output: No space left on device", stderr.ToString());
    }

    [Fact]
    public void LabelsToDevFullExitOneNamingTheFileNotAsUnexpected()
    {
        Assert.SkipUnless(File.Exists("/dev/full"), "needs /dev/full");
        var run = CliRun.Of(CliData.FitArgs(Input(), 3, "--labels", "/dev/full"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("cannot write '/dev/full': No space left on device", run.Err);
        Assert.DoesNotContain("unexpected", run.Err);
        Assert.Equal("character special file", FileType("/dev/full"));
    }

    /// <summary>A writer on a full device: every write and flush throws.</summary>
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void Flush() => throw new IOException("No space left on device");
    }
}
