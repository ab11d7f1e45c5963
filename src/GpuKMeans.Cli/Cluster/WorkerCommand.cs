using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Cluster;

/// <summary>The <c>worker</c> command: host an Orleans silo that serves shards of cluster fits until stopped.</summary>
internal static class WorkerCommand
{
    /// <summary>Creates the command; its action runs <see cref="WorkerRunner"/>.</summary>
    public static Command Create()
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic.", HelpName = "P", Required = true };
        var gatewayPort = new Option<int>("--gateway-port")
        {
            Description = "Port clients (gpukmeans fit --cluster) connect to.", HelpName = "G", Required = true,
        };
        var primary = new Option<string?>("--primary")
        {
            Description = "The primary worker's silo endpoint to join; without it this worker is the primary "
                + "(development clustering on localhost: the cluster does not survive the primary's death).",
            HelpName = "HOST:P0",
        };
        var backend = CommonOptions.Backend();
        var check = new Option<bool>("--check")
        {
            Description = "Open the device, print what this worker would serve, and exit without starting the silo.",
        };
        var command = new Command("worker",
            "Host a cluster worker (an Orleans silo) that keeps row shards of cluster fits on this machine's best device, "
            + "until stopped (Ctrl-C or SIGTERM: a clean leave, its shards move to the other workers).");
        foreach (Option option in new Option[] { siloPort, gatewayPort, primary, backend, check })
            command.Add(option);
        command.SetAction(parsed => WorkerRunner.Run(
            parsed.GetValue(siloPort), parsed.GetValue(gatewayPort), parsed.GetValue(primary), parsed.GetRequiredValue(backend),
            parsed.GetValue(check), parsed.InvocationConfiguration.Output));
        return command;
    }
}
