using System.Globalization;
using System.Text.RegularExpressions;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// The instruction mix of a kernel's hot inner loop in its SASS (<c>cuobjdump -sass</c>): the innermost loop
/// (a backward <c>BRA</c> to an earlier address, containing no other such loop) with the most FFMA instructions.
/// </summary>
/// <param name="StartAddress">Address of the loop's first instruction (the branch target).</param>
/// <param name="EndAddress">Address of the backward branch closing the loop.</param>
/// <param name="Total">Instructions in the loop body, branch included.</param>
/// <param name="Ffma">FFMA (fused multiply-add, fp32).</param>
/// <param name="Lds">Shared-memory loads narrower than 128 bits.</param>
/// <param name="Lds128">128-bit shared-memory loads (LDS.128, LDS.U.128).</param>
/// <param name="Ldg">Global loads narrower than 128 bits.</param>
/// <param name="Ldg128">128-bit global loads (LDG.E.128…).</param>
/// <param name="Ld">Generic-address loads (LD.E…), which ILGPU emits for ArrayView reads.</param>
internal sealed partial record SassLoopMix(
    int StartAddress, int EndAddress, int Total, int Ffma, int Lds, int Lds128, int Ldg, int Ldg128, int Ld)
{
    /// <summary>Instructions in none of the named classes.</summary>
    public int Other => Total - Ffma - Lds - Lds128 - Ldg - Ldg128 - Ld;

    /// <summary>FFMA / all instructions of the loop body.</summary>
    public double FfmaShare => Total == 0 ? 0 : (double)Ffma / Total;

    /// <summary>One SASS instruction: address and opcode with modifiers (predicate stripped).</summary>
    private readonly record struct Instruction(int Address, string Opcode, string Text);

    /// <summary>The hot loop of a <c>cuobjdump -sass</c> listing; null when the kernel has no loop with an FFMA.</summary>
    public static SassLoopMix? FindHotLoop(string sass)
    {
        var code = Parse(sass);
        var loops = new List<(int Start, int End)>();
        foreach (var instruction in code)
        {
            if (instruction.Opcode.StartsWith("BRA", StringComparison.Ordinal)
                && BranchTarget().Match(instruction.Text) is { Success: true } target)
            {
                int to = int.Parse(target.Groups["to"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (to < instruction.Address)
                    loops.Add((to, instruction.Address));
            }
        }
        var innermost = loops.Where(l => !loops.Any(o => o != l && o.Start >= l.Start && o.End <= l.End));
        return innermost
            .Select(l => Count(code.Where(i => i.Address >= l.Start && i.Address <= l.End), l.Start, l.End))
            .Where(m => m.Ffma > 0)
            .OrderByDescending(m => m.Ffma).ThenBy(m => m.StartAddress)
            .FirstOrDefault();
    }

    private static SassLoopMix Count(IEnumerable<Instruction> body, int start, int end)
    {
        int total = 0, ffma = 0, lds = 0, lds128 = 0, ldg = 0, ldg128 = 0, ld = 0;
        foreach (var op in body.Select(i => i.Opcode))
        {
            total++;
            bool wide = op.Contains(".128", StringComparison.Ordinal);
            string name = op.Split('.')[0];
            switch (name)
            {
                case "FFMA": ffma++; break;
                case "LDS": if (wide) lds128++; else lds++; break;
                case "LDG": if (wide) ldg128++; else ldg++; break;
                case "LD": ld++; break;
            }
        }
        return new SassLoopMix(start, end, total, ffma, lds, lds128, ldg, ldg128, ld);
    }

    private static List<Instruction> Parse(string sass)
    {
        var code = new List<Instruction>();
        foreach (var line in sass.Split('\n'))
        {
            if (InstructionLine().Match(line) is not { Success: true } m)
                continue;
            string text = m.Groups["text"].Value.Trim();
            string opcode = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            code.Add(new Instruction(
                int.Parse(m.Groups["addr"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), opcode, text));
        }
        return code;
    }

    // "        /*06b0*/              @!P1 BRA 0x2c0 ;     /* 0x... */"
    [GeneratedRegex(@"^\s*/\*(?<addr>[0-9a-f]{4,})\*/\s+(?:@!?U?P[0-9T]+\s+)?(?<text>[^;]+);")]
    private static partial Regex InstructionLine();

    // The target is the last operand: "BRA 0x2c0", "BRA.U !UP0, 0x2c0".
    [GeneratedRegex(@"0x(?<to>[0-9a-f]+)\s*$")]
    private static partial Regex BranchTarget();
}
