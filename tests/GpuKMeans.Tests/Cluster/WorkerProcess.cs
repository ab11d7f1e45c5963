using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GpuKMeans.Tests.Cluster;

/// <summary>
/// One <c>gpukmeans worker</c> process (the built CLI run with <c>dotnet</c>), on free ports of 127.0.0.1. Stopped by its
/// PID when disposed, whatever the test's outcome.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    /// <summary>How long a worker may take to say it is ready on a loaded machine before the test gives up (a hang guard).</summary>
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Text.StringBuilder _log = new();

    private WorkerProcess(int siloPort, int gatewayPort, IPEndPoint? primary)
    {
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        string cli = Path.Combine(AppContext.BaseDirectory, "GpuKMeans.Cli.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { cli, "worker", "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}", "--backend", "cpu" })
            info.ArgumentList.Add(arg);
        if (primary is not null)
        {
            info.ArgumentList.Add("--primary");
            info.ArgumentList.Add(primary.ToString());
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start dotnet {cli}");
        _process.OutputDataReceived += (_, e) => Record(e.Data, ready: e.Data?.Contains(" ready ", StringComparison.Ordinal) == true);
        _process.ErrorDataReceived += (_, e) => Record(e.Data, ready: false);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"worker {Endpoint} exited ({_process.ExitCode}):\n{Log}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The silo port (the worker's name in errors is <c>127.0.0.1:SiloPort</c>).</summary>
    public int SiloPort { get; }

    /// <summary>The gateway port clients connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>The worker's name: its silo endpoint.</summary>
    public string Endpoint => $"127.0.0.1:{SiloPort}";

    /// <summary>The gateway endpoint.</summary>
    public IPEndPoint Gateway => new(IPAddress.Loopback, GatewayPort);

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>What the worker wrote so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>Starts a worker joining <paramref name="primary"/> (null: a primary) on two free ports.</summary>
    public static WorkerProcess Start(IPEndPoint? primary) => new(FreePort(), FreePort(), primary);

    /// <summary>Starts <paramref name="count"/> workers, the first the primary, and waits until all are ready; on failure stops them all.</summary>
    public static WorkerProcess[] StartCluster(int count)
    {
        var workers = new List<WorkerProcess>();
        try
        {
            workers.Add(Start(null));
            workers[0].WaitUntilReady();
            var primary = new IPEndPoint(IPAddress.Loopback, workers[0].SiloPort);
            for (int i = 1; i < count; i++)
                workers.Add(Start(primary));
            foreach (var worker in workers)
                worker.WaitUntilReady();
            return [.. workers];
        }
        catch
        {
            workers.ForEach(w => w.Dispose());
            throw;
        }
    }

    /// <summary>Waits for the worker's ready line.</summary>
    /// <exception cref="TimeoutException">It did not come within the limit (the message holds the worker's output).</exception>
    public void WaitUntilReady()
    {
        if (!_ready.Task.Wait(ReadyLimit))
            throw new TimeoutException($"worker {Endpoint} was not ready after {ReadyLimit}:\n{Log}");
    }

    /// <summary>Kills the process at once (SIGKILL), as a crashed machine would vanish, and waits for it to end.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Record(string? line, bool ready)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
        if (ready)
            _ready.TrySetResult();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
