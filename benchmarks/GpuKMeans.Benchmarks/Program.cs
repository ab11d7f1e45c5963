using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// Runs the benchmarks in-process (the GPU machine has a .NET runtime but no SDK to build child
/// processes): <c>dotnet run -c Release --project benchmarks/GpuKMeans.Benchmarks -- --filter '*Assign*'</c>; the
/// first argument <c>minibatch</c> runs <see cref="MiniBatchRace"/> instead, <c>pruning</c>
/// <see cref="Pruning.PruningComparison"/>, <c>seeding</c> <see cref="SeedingBandwidth"/>, <c>mlnet-iteration</c> <see cref="MlNetIteration"/> (a column of the peers table) and <c>kernel-rate</c> <see cref="CpuKernelRate"/>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["minibatch", ..])
        {
            MiniBatchRace.Run(args);
            return;
        }
        if (args is ["seeding", ..])
        {
            SeedingBandwidth.Run(args[1..]);
            return;
        }
        if (args is ["kernel-rate", ..])
        {
            CpuKernelRate.Run(args[1..]);
            return;
        }
        if (args is ["mlnet-iteration", ..])
        {
            MlNetIteration.Run(args[1..]);
            return;
        }
        if (args.Length > 0 && args[0] == "pruning")
        {
            Pruning.PruningComparison.Run(args[1..]);
            return;
        }
        var config = DefaultConfig.Instance
            // The in-process default gives up on a benchmark after 5 minutes; seeding at n = 1M, k = 1024 on a loaded CPU takes longer.
            .AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
