using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// Runs the benchmarks in-process (the GPU machine has a .NET runtime but no SDK to build child
/// processes): <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- --filter '*Assign*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "pruning")
        {
            Pruning.PruningComparison.Run(args[1..]);
            return;
        }
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
