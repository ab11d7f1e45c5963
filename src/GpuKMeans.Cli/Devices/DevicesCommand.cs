using System.CommandLine;
using GpuKMeans.Cli.Shared;

namespace GpuKMeans.Cli.Devices;

/// <summary>The <c>devices</c> command: what <c>--backend</c> can choose on this machine.</summary>
internal static class DevicesCommand
{
    /// <summary>Creates the command; its action runs <see cref="DevicesRunner"/>.</summary>
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("devices",
            "List the backends present (each opened once: name, memory, CUDA compute capability) and every device ILGPU sees.")
        {
            json,
        };
        command.SetAction(parsed => DevicesRunner.Run(
            new CliConsole(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error), parsed.GetValue(json)));
        return command;
    }
}
