namespace GpuKMeans.Tests.Cluster;

/// <summary>Three <c>gpukmeans worker</c> processes on 127.0.0.1, shared by one test class and stopped by PID at its end.</summary>
public sealed class WorkerClusterFixture : IDisposable
{
    /// <summary>Starts the primary, then two workers joining it, and waits until all three are ready.</summary>
    public WorkerClusterFixture() => Workers = WorkerProcess.StartCluster(3);

    /// <summary>The workers, the primary first.</summary>
    public IReadOnlyList<WorkerProcess> Workers { get; }

    /// <summary>The <c>--cluster</c> value naming every gateway.</summary>
    public string Gateways => string.Join(',', Workers.Select(w => w.Gateway.ToString()));

    /// <summary>Stops every worker by its PID.</summary>
    public void Dispose()
    {
        foreach (var worker in Workers)
            worker.Dispose();
    }
}
