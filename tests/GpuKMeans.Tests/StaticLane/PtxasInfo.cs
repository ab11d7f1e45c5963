using System.Globalization;
using System.Text.RegularExpressions;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>What <c>ptxas -v</c> reports for one kernel on one architecture.</summary>
/// <param name="Arch">The ptxas architecture, e.g. "sm_90".</param>
/// <param name="Registers">Registers per thread.</param>
/// <param name="SharedBytes">Static shared memory per block (bytes).</param>
/// <param name="StackFrameBytes">The entry function's stack frame (bytes).</param>
/// <param name="SpillStoreBytes">Spill stores over every function of the module (bytes).</param>
/// <param name="SpillLoadBytes">Spill loads over every function of the module (bytes).</param>
internal sealed partial record PtxasInfo(
    string Arch, int Registers, int SharedBytes, int StackFrameBytes, int SpillStoreBytes, int SpillLoadBytes)
{
    /// <summary>True when ptxas reported any spill store or load.</summary>
    public bool Spills => SpillStoreBytes > 0 || SpillLoadBytes > 0;

    /// <summary>
    /// Parses ptxas' <c>-v</c> log ("Compiling entry function 'X' for 'sm_90'", "N bytes stack frame, N bytes spill
    /// stores, N bytes spill loads", "Used N registers, N bytes smem, …"); null when no entry function is reported.
    /// </summary>
    public static PtxasInfo? Parse(string arch, string log)
    {
        var lines = log.Split('\n');
        int entry = Array.FindIndex(lines, l => l.Contains("Compiling entry function", StringComparison.Ordinal));
        if (entry < 0)
            return null;
        int registers = -1, shared = 0, stack = 0;
        bool stackSeen = false;
        for (int i = entry + 1; i < lines.Length && registers < 0; i++)
        {
            if (!stackSeen && StackLine().Match(lines[i]) is { Success: true } frame)
            {
                stack = Int(frame.Groups["stack"]);
                stackSeen = true;
            }
            if (UsedLine().Match(lines[i]) is { Success: true } used)
            {
                registers = Int(used.Groups["regs"]);
                if (SmemPart().Match(lines[i]) is { Success: true } smem)
                    shared = Int(smem.Groups["smem"]);
            }
        }
        int stores = 0, loads = 0;
        foreach (var line in lines)
        {
            if (StackLine().Match(line) is { Success: true } frame)
            {
                stores += Int(frame.Groups["stores"]);
                loads += Int(frame.Groups["loads"]);
            }
        }
        return registers < 0 ? null : new PtxasInfo(arch, registers, shared, stack, stores, loads);
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<stack>\d+) bytes stack frame, (?<stores>\d+) bytes spill stores, (?<loads>\d+) bytes spill loads")]
    private static partial Regex StackLine();

    [GeneratedRegex(@"Used (?<regs>\d+) registers")]
    private static partial Regex UsedLine();

    [GeneratedRegex(@"(?<smem>\d+) bytes smem")]
    private static partial Regex SmemPart();
}
