using GpuKMeans.Cli.Shared;
using GpuKMeans.Orleans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GpuKMeans.Cli.Cluster;

/// <summary>
/// Runs <c>gpukmeans worker</c>: a silo with localhost (development) clustering, the shard grains on the chosen device,
/// until SIGTERM or Ctrl-C, when the host stops the silo cleanly. Prints one line when it is ready to serve.
/// </summary>
internal static class WorkerRunner
{
    /// <summary>Hosts the worker; returns 0 after a clean stop.</summary>
    /// <exception cref="CliUsageException">A port is out of range or <c>--primary</c> is not <c>HOST:PORT</c>.</exception>
    public static int Run(int siloPort, int gatewayPort, string? primary, string backendName, bool check, TextWriter output)
    {
        CheckPort("--silo-port", siloPort);
        CheckPort("--gateway-port", gatewayPort);
        if (siloPort == gatewayPort)
            throw new CliUsageException($"--silo-port and --gateway-port are both {siloPort}: give the gateway a port of its own");
        var backend = CliBackends.Parse(backendName);
        var primaryEndpoint = primary is null ? null : ClusterEndpoints.Parse("--primary", primary);
        string role = primaryEndpoint is null ? "primary" : $"joining {primaryEndpoint}";
        if (check)
        {
            using var device = CliBackends.Open(backendName);
            output.WriteLine($"worker 127.0.0.1:{siloPort} (gateway {gatewayPort}, {role}) would serve shards on {device}");
            return 0;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);   // logs to stderr: stdout carries the ready line
        builder.UseOrleans(silo => silo.UseKMeansDevelopmentWorker(siloPort, gatewayPort, primaryEndpoint, backend));
        using var host = builder.Build();
        host.Start();
        output.WriteLine($"worker 127.0.0.1:{siloPort} ready (gateway {gatewayPort}, {role}, pid {Environment.ProcessId})");
        output.Flush();
        host.WaitForShutdown();
        output.WriteLine($"worker 127.0.0.1:{siloPort} left the cluster");
        return 0;
    }

    private static void CheckPort(string option, int port)
    {
        if (port is < 1 or > 65535)
            throw new CliUsageException($"{option} must be a port from 1 to 65535, got {port}");
    }
}
