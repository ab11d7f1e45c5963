using ILGPU;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Reduction;

/// <summary>
/// Last step of one LSD radix pass: the stable scatter. The point at input position p (tile b, digit δ)
/// goes to output position
/// <c>offsets[δ·tiles + b] + #{p' in tile b : p' &lt; p, digit(p') = δ}</c>,
/// where <c>offsets</c> is the exclusive scan of <see cref="LabelHistogramKernel"/>'s counts. The rank term
/// is computed without atomics or shuffles, so the position is a function of the input only:
/// <list type="bullet">
/// <item>the tile is walked in R rounds of G consecutive positions (thread t takes p = b·B + r·G + t);</item>
/// <item><c>runBase[δ]</c> (shared) starts at <c>offsets[δ·tiles + b]</c> and counts the δs of earlier rounds;</item>
/// <item>within a round, thread t counts equal digits among the earlier lanes of its S-lane sub-group by
/// reading the round's digits from shared memory, and the last lane of each digit in a sub-group stores the
/// sub-group's count in <c>table[sub-group·256 + δ]</c>;</item>
/// <item>rank = runBase[δ] + Σ_{earlier sub-groups} table[·, δ] + earlier equal lanes in its own sub-group.</item>
/// </list>
/// Every point gets a distinct position, positions of equal digits increase with p (stable), so after all
/// passes the permutation is the unique stable sort of the point indices by label.
/// </summary>
internal static class LabelScatterKernel
{
    /// <summary>Digit value that marks a lane past the end of the input.</summary>
    private const int NoDigit = ReductionLayout.DigitCount;

    /// <summary>One group per tile (grid = tiles, group = G); see the type's summary.</summary>
    /// <param name="labels">Cluster label of every point, in [0, k).</param>
    /// <param name="permIn">The previous pass's permutation (ignored when <paramref name="firstPass"/> ≠ 0).</param>
    /// <param name="offsets">Exclusive scan of the digit-major tile histograms (256 × tiles).</param>
    /// <param name="permOut">Output: point index at each position of this pass's stable order.</param>
    /// <param name="n">Number of points.</param>
    /// <param name="tiles">Number of tiles, ⌈n / B⌉.</param>
    /// <param name="shift">Bit offset of this pass's digit.</param>
    /// <param name="firstPass">1 for the first pass (input order = point order), 0 afterwards.</param>
    public static void Run<TConfig>(
        ArrayView<int> labels, ArrayView<int> permIn, ArrayView<int> offsets, ArrayView<int> permOut,
        int n, int tiles, int shift, int firstPass)
        where TConfig : struct, IReductionConfig
    {
        var runBase = SharedMemory.Allocate<int>(ReductionLayout.DigitCount);
        var roundDigits = SharedMemory.Allocate<int>(default(TConfig).GroupSize);
        var table = SharedMemory.Allocate<int>(default(TConfig).SubgroupTableLength);
        int t = Group.IdxX;
        int groupSize = default(TConfig).GroupSize;
        int lanes = default(TConfig).SubgroupSize;
        int subgroups = default(TConfig).SubgroupCount;
        int tile = Grid.IdxX;

        for (int digit = t; digit < ReductionLayout.DigitCount; digit += groupSize)
        {
            runBase[digit] = offsets[(long)digit * tiles + tile];
            for (int s = 0; s < subgroups; s++)
                table[s * ReductionLayout.DigitCount + digit] = 0;
        }

        int subgroup = t / lanes;
        int firstLane = subgroup * lanes;
        long first = (long)tile * default(TConfig).TileSize;
        for (int round = 0; round < default(TConfig).Rounds; round++)
        {
            long p = first + (long)round * groupSize + t;
            int src = 0;
            int digit = NoDigit;
            if (p < n)
            {
                src = firstPass != 0 ? (int)p : permIn[p];
                digit = (labels[src] >> shift) & (ReductionLayout.DigitCount - 1);
            }
            // The barrier also orders this round's table reads after the previous round's clearing.
            Group.Barrier();
            roundDigits[t] = digit;
            Group.Barrier();

            int before = 0;
            int after = 0;
            for (int lane = firstLane; lane < firstLane + lanes; lane++)
            {
                if (roundDigits[lane] == digit)
                {
                    if (lane < t)
                        before++;
                    else if (lane > t)
                        after++;
                }
            }
            if (digit != NoDigit && after == 0)
                table[subgroup * ReductionLayout.DigitCount + digit] = before + 1;
            Group.Barrier();

            if (digit != NoDigit)
            {
                int position = runBase[digit] + before;
                for (int s = 0; s < subgroup; s++)
                    position += table[s * ReductionLayout.DigitCount + digit];
                permOut[position] = src;
            }
            Group.Barrier();

            for (int d = t; d < ReductionLayout.DigitCount; d += groupSize)
            {
                int roundCount = 0;
                for (int s = 0; s < subgroups; s++)
                {
                    roundCount += table[s * ReductionLayout.DigitCount + d];
                    table[s * ReductionLayout.DigitCount + d] = 0;
                }
                runBase[d] += roundCount;
            }
        }
    }
}
