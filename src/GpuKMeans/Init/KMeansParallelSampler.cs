namespace GpuKMeans.Init;

/// <summary>
/// The random draws of k-means‖, made so that they do not depend on how the rows are split. Every draw of a row
/// is a counter-based hash of <c>(seed, round, global row index)</c> — never a sequential generator run over the
/// rows — so a shard holding rows <c>[firstRow, firstRow + count)</c> draws exactly what the whole dataset draws
/// for those rows. Each method takes one shard's slice of the per-point values and its <c>firstRow</c>; the
/// results of several shards merge by concatenation in row order (<see cref="SampleRound"/>) or by keeping the
/// largest keys (<see cref="LargestKeys"/>, <see cref="RowKey.CompareTo"/>).
/// </summary>
internal static class KMeansParallelSampler
{
    /// <summary>
    /// A uniform number in (0, 1) from <c>(seed, round, row)</c>: SplitMix64's finaliser applied to the three in
    /// turn, its top 53 bits centred in their interval (never exactly 0 or 1, so its logarithm is finite).
    /// </summary>
    public static double Uniform(ulong seed, int round, long row)
    {
        const ulong Golden = 0x9E3779B97F4A7C15;
        ulong h = Mix(seed + Golden);
        h = Mix(h ^ ((ulong)(uint)round * Golden + Golden));
        h = Mix(h ^ ((ulong)row * Golden + 0x632BE59BD9B4E019));
        return ((h >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// The cost φ = Σ wᵢ · closestᵢ of one shard, in double, in row order (weights empty = all 1). The cost of
    /// the dataset is the shards' costs added in shard order.
    /// </summary>
    public static double Cost(ReadOnlySpan<float> closest, ReadOnlySpan<float> weights)
    {
        double cost = 0;
        for (int i = 0; i < closest.Length; i++)
            cost += Weight(weights, i) * (double)closest[i];
        return cost;
    }

    /// <summary>
    /// One k-means‖ round over a shard: row <c>firstRow + i</c> is chosen, independently of every other row, when
    /// <c>Uniform(seed, round, firstRow + i) &lt; ℓ · wᵢ · closestᵢ / φ</c> (a probability above 1 always chooses).
    /// The chosen global rows are appended to <paramref name="selected"/> in row order.
    /// </summary>
    /// <param name="closest">Each row's squared distance to its closest candidate so far.</param>
    /// <param name="weights">Each row's weight, or empty when every weight is 1.</param>
    /// <param name="firstRow">The global index of the shard's first row.</param>
    /// <param name="oversampling">ℓ, the expected number of rows chosen by the round over the whole dataset.</param>
    /// <param name="cost">φ of the whole dataset (<see cref="Cost"/>), positive.</param>
    /// <param name="seed">The fit's seed for k-means‖.</param>
    /// <param name="round">The round, from 1 (0 is the first centre's draw).</param>
    /// <param name="selected">Receives the chosen global rows.</param>
    public static void SampleRound(
        ReadOnlySpan<float> closest, ReadOnlySpan<float> weights, long firstRow, double oversampling, double cost,
        ulong seed, int round, List<long> selected)
    {
        double scale = oversampling / cost;
        for (int i = 0; i < closest.Length; i++)
        {
            double mass = Weight(weights, i) * (double)closest[i];
            if (mass > 0 && Uniform(seed, round, firstRow + i) < scale * mass)
                selected.Add(firstRow + i);
        }
    }

    /// <summary>
    /// The <paramref name="count"/> rows of a shard with the largest Efraimidis–Spirakis keys <c>ln(u) / massᵢ</c>,
    /// <c>u = Uniform(seed, round, row)</c> and <c>massᵢ = wᵢ · closestᵢ</c> (either span empty = all 1): a weighted
    /// draw without replacement, with probability ∝ mass. Rows of zero mass get key −∞ and come last. Best first.
    /// The dataset's draw is the best <paramref name="count"/> of the shards' lists together.
    /// </summary>
    public static List<RowKey> LargestKeys(
        ReadOnlySpan<float> weights, ReadOnlySpan<float> closest, long firstRow, int rowCount, int count, ulong seed, int round)
    {
        // Root = the weakest of the best so far (RowKey orders weaker first).
        var best = new PriorityQueue<RowKey, RowKey>(count + 1);
        for (int i = 0; i < rowCount && count > 0; i++)
        {
            double mass = Weight(weights, i) * (closest.IsEmpty ? 1.0 : closest[i]);
            long row = firstRow + i;
            var key = new RowKey(mass > 0 ? Math.Log(Uniform(seed, round, row)) / mass : double.NegativeInfinity, row);
            if (best.Count < count)
                best.Enqueue(key, key);
            else if (best.Peek().CompareTo(key) < 0)
                best.EnqueueDequeue(key, key);
        }
        var result = new List<RowKey>(best.Count);
        while (best.Count > 0)
            result.Add(best.Dequeue());
        result.Reverse();
        return result;
    }

    private static double Weight(ReadOnlySpan<float> weights, int i) => weights.IsEmpty ? 1.0 : weights[i];

    /// <summary>SplitMix64's output function: a bijection of 64-bit words that mixes every input bit into every output bit.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A row's sampling key. Larger keys are better; on equal keys the lower row is better.</summary>
    /// <param name="Key">The Efraimidis–Spirakis key, −∞ for a row of zero mass.</param>
    /// <param name="Row">The global row index.</param>
    public readonly record struct RowKey(double Key, long Row) : IComparable<RowKey>
    {
        /// <summary>Negative when this key is worse than <paramref name="other"/>: a smaller key, or an equal key on a higher row.</summary>
        public int CompareTo(RowKey other)
        {
            int byKey = Key.CompareTo(other.Key);
            return byKey != 0 ? byKey : other.Row.CompareTo(Row);
        }
    }
}
