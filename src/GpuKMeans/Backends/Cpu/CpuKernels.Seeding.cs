using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GpuKMeans.Backends.Cpu;

internal abstract partial class CpuKernels
{
    /// <summary>
    /// Row lanes of a k-means++ block's sums: row <c>start + i</c> adds into lane <c>i mod 16</c>, so that the AVX-512
    /// path can hold sixteen rows in one vector and every other path still adds the same terms in the same order.
    /// </summary>
    public const int SeedingLanes = 16;

    /// <summary>Floats of the tile that <see cref="SeedingBlock"/> takes for a panel of <paramref name="padded"/> lanes over <paramref name="dimensions"/> coordinates.</summary>
    public static int SeedingTileLength(int padded, int dimensions) => Math.Max(4 * padded + SeedingLanes, SeedingLanes * dimensions);

    /// <summary>
    /// One k-means++ block, rows <c>[start, end)</c>. Lanes <c>0 … sums.Length − 1</c> of <paramref name="panel"/> are the
    /// candidates; when <paramref name="pending"/> is true, the next lane is the pending centre and lowers
    /// <paramref name="closest"/> first. Then <c>sums[t] = Σ wᵢ · min(closestᵢ, d²(xᵢ, candidate t))</c> in double:
    /// row <c>start + i</c> adds into row lane <c>i mod </c><see cref="SeedingLanes"/> (rows in index order within a
    /// lane), and the sum is <c>0 + lane 0 + lane 1 + … + lane 15</c>. Every distance is the micro-kernels' fused chain
    /// over d and the minimum of two non-negative, non-NaN floats is exact whichever instruction takes it, so every vector
    /// width and every path below give the same bits. <paramref name="tile"/> holds
    /// <see cref="SeedingTileLength"/><c>(panel.Padded, d)</c> floats.
    /// </summary>
    public abstract void SeedingBlock(
        CpuPoints points, CentroidPanel panel, int start, int end, bool pending, float[] closest, Span<double> sums, Span<float> tile);

    /// <summary>The block's sums from its row lanes (<c>lanes[t · 16 + lane]</c>): <c>0 + lane 0 + … + lane 15</c>, the order every path shares.</summary>
    protected static void ReduceSeedingLanes(ReadOnlySpan<double> lanes, Span<double> sums)
    {
        for (int t = 0; t < sums.Length; t++)
        {
            double total = 0;
            foreach (double lane in lanes.Slice(t * SeedingLanes, SeedingLanes))
                total += lane;
            sums[t] = total;
        }
    }

    /// <summary>Candidates whose row lanes and distances go on the stack; more (never from k-means++'s 2 + ⌊ln k⌋ trials) go on the heap.</summary>
    protected const int StackCandidates = 64;
}

internal sealed partial class CpuKernels<TSimd, TVec>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void SeedingBlock(
        CpuPoints points, CentroidPanel panel, int start, int end, bool pending, float[] closest, Span<double> sums, Span<float> tile)
    {
        int padded = panel.Padded, count = sums.Length, lanes = count + (pending ? 1 : 0);
        if (end > points.Count || start < 0 || start > end || lanes > panel.Count || panel.Dimensions != points.Dimensions
            || tile.Length < SeedingTileLength(padded, points.Dimensions) || closest.Length < end)
            throw new ArgumentException("The block, the panel, the sums or the tile do not fit these points.");
        Span<double> laneSums = count <= StackCandidates ? stackalloc double[count * SeedingLanes] : new double[count * SeedingLanes];
        laneSums.Clear();
        if (typeof(TVec) == typeof(Vector512<float>) && Avx512F.IsSupported && Avx2.IsSupported)
            SeedingRows512(points, panel, start, end, pending, closest, laneSums, tile);
        else
            SeedingRows(points, panel, start, end, pending, closest, count, laneSums, tile);
        ReduceSeedingLanes(laneSums, sums);
    }

    /// <summary>Any vector width: four rows' distances from the micro-kernel, then each row's terms into its lane.</summary>
    private void SeedingRows(
        CpuPoints points, CentroidPanel panel, int start, int end, bool pending, float[] closest, int count, Span<double> laneSums, Span<float> tile)
    {
        int padded = panel.Padded;
        float[] weights = points.Weights;
        ref double sumStart = ref MemoryMarshal.GetReference(laneSums);
        for (int r = start; r < end; r += 4)
        {
            DistanceRows4(points, r, panel, tile);
            int rows = Math.Min(4, end - r);
            for (int q = 0; q < rows; q++)
            {
                ref float candidates = ref tile[q * padded];
                float nearest = closest[r + q];
                if (pending && Unsafe.Add(ref candidates, count) < nearest)
                    closest[r + q] = nearest = Unsafe.Add(ref candidates, count);
                double w = weights[r + q];
                ref double lane = ref Unsafe.Add(ref sumStart, (r + q - start) & (SeedingLanes - 1));
                for (int t = 0; t < count; t++)
                {
                    float distance = Unsafe.Add(ref candidates, t);
                    Unsafe.Add(ref lane, t * SeedingLanes) += w * (distance < nearest ? distance : nearest);
                }
            }
        }
    }

    /// <summary>
    /// The AVX-512 path: sixteen rows per vector. Their coordinates are gathered into a transposed tile (coordinate j of
    /// the sixteen rows at <c>tile[16·j …]</c>), eight centres' fused chains over d run side by side (the same chain per
    /// lane as <see cref="DistanceRows4"/>, so the same distances), and each candidate's terms go into the sixteen row
    /// lanes at once. A block's last rows fill the vector with copies of its last row at weight 0 (0 added to a lane).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void SeedingRows512(
        CpuPoints points, CentroidPanel panel, int start, int end, bool pending, float[] closest, Span<double> laneSums, Span<float> tile)
    {
        int d = points.Dimensions, count = laneSums.Length / SeedingLanes, padded = panel.Padded;
        int batches = (count + (pending ? 1 : 0) + 7) / 8;   // eight panel lanes per batch; padded ≥ 8 · batches
        Span<float> distances = batches * 8 <= StackCandidates ? stackalloc float[batches * 8 * SeedingLanes] : new float[batches * 8 * SeedingLanes];
        Span<float> edge = stackalloc float[3 * SeedingLanes];
        ref float x = ref MemoryMarshal.GetReference(tile);
        ref float distanceStart = ref MemoryMarshal.GetReference(distances);
        ref double laneStart = ref MemoryMarshal.GetReference(laneSums);
        ref float norms = ref MemoryMarshal.GetArrayDataReference(points.Norms);
        ref float weights = ref MemoryMarshal.GetArrayDataReference(points.Weights);
        ref float nearestStart = ref MemoryMarshal.GetArrayDataReference(closest);
        var lowOffsets = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * d;
        var highOffsets = Vector256.Create(8, 9, 10, 11, 12, 13, 14, 15) * d;
        fixed (float* values = &points.Values.Start)
        {
            for (int r = start; r < end; r += SeedingLanes)
            {
                int rows = Math.Min(SeedingLanes, end - r);
                var low = lowOffsets;
                var high = highOffsets;
                Vector512<float> pointNorm, nearest, weight;
                if (rows == SeedingLanes)
                {
                    pointNorm = Vector512.LoadUnsafe(ref norms, (nuint)r);
                    nearest = Vector512.LoadUnsafe(ref nearestStart, (nuint)r);
                    weight = Vector512.LoadUnsafe(ref weights, (nuint)r);
                }
                else
                {
                    var last = Vector256.Create((rows - 1) * d);
                    low = Vector256.Min(low, last);
                    high = Vector256.Min(high, last);
                    for (int q = 0; q < SeedingLanes; q++)
                    {
                        int row = r + Math.Min(q, rows - 1);
                        edge[q] = Unsafe.Add(ref norms, row);
                        edge[SeedingLanes + q] = Unsafe.Add(ref nearestStart, row);
                        edge[2 * SeedingLanes + q] = q < rows ? Unsafe.Add(ref weights, row) : 0f;
                    }
                    pointNorm = Vector512.Create<float>(edge);
                    nearest = Vector512.Create<float>(edge[SeedingLanes..]);
                    weight = Vector512.Create<float>(edge[(2 * SeedingLanes)..]);
                }
                float* row0 = values + (nint)r * d;
                for (int j = 0; j < d; j++)
                    Vector512.Create(Avx2.GatherVector256(row0 + j, low, 4), Avx2.GatherVector256(row0 + j, high, 4))
                        .StoreUnsafe(ref x, (nuint)(j * SeedingLanes));
                for (int b = 0; b < batches; b++)
                    Distances8(ref x, d, ref Unsafe.Add(ref panel.Transposed, 8 * b), padded, ref Unsafe.Add(ref panel.Norms, 8 * b),
                        pointNorm, ref Unsafe.Add(ref distanceStart, 8 * b * SeedingLanes));
                if (pending)
                {
                    nearest = Vector512.MinNative(nearest, Vector512.LoadUnsafe(ref distanceStart, (nuint)(count * SeedingLanes)));
                    if (rows == SeedingLanes)
                        nearest.StoreUnsafe(ref nearestStart, (nuint)r);
                    else
                        for (int q = 0; q < rows; q++)
                            Unsafe.Add(ref nearestStart, r + q) = nearest.GetElement(q);
                }
                var weightLow = Avx512F.ConvertToVector512Double(weight.GetLower());
                var weightHigh = Avx512F.ConvertToVector512Double(weight.GetUpper());
                for (int t = 0; t < count; t++)
                {
                    var term = Vector512.MinNative(Vector512.LoadUnsafe(ref distanceStart, (nuint)(t * SeedingLanes)), nearest);
                    ref double lane = ref Unsafe.Add(ref laneStart, t * SeedingLanes);
                    (Vector512.LoadUnsafe(ref lane) + weightLow * Avx512F.ConvertToVector512Double(term.GetLower())).StoreUnsafe(ref lane);
                    (Vector512.LoadUnsafe(ref lane, 8) + weightHigh * Avx512F.ConvertToVector512Double(term.GetUpper())).StoreUnsafe(ref lane, 8);
                }
            }
        }
    }

    /// <summary>
    /// Sixteen rows' (the transposed tile <paramref name="x"/>) distances to panel lanes <c>c … c + 7</c>: eight
    /// independent fused chains over d, then <see cref="Distance"/>'s formula, stored 16 floats per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Distances8(ref float x, int d, ref float c, int padded, ref float centreNorms, Vector512<float> pointNorm, ref float output)
    {
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
        for (int j = 0; j < d; j++)
        {
            var column = Vector512.LoadUnsafe(ref x, (nuint)(j * SeedingLanes));
            ref float cj = ref Unsafe.Add(ref c, j * padded);
            a0 = Vector512.FusedMultiplyAdd(column, Vector512.Create(cj), a0);
            a1 = Vector512.FusedMultiplyAdd(column, Vector512.Create(Unsafe.Add(ref cj, 1)), a1);
            a2 = Vector512.FusedMultiplyAdd(column, Vector512.Create(Unsafe.Add(ref cj, 2)), a2);
            a3 = Vector512.FusedMultiplyAdd(column, Vector512.Create(Unsafe.Add(ref cj, 3)), a3);
            a4 = Vector512.FusedMultiplyAdd(column, Vector512.Create(Unsafe.Add(ref cj, 4)), a4);
            a5 = Vector512.FusedMultiplyAdd(column, Vector512.Create(Unsafe.Add(ref cj, 5)), a5);
            a6 = Vector512.FusedMultiplyAdd(column, Vector512.Create(Unsafe.Add(ref cj, 6)), a6);
            a7 = Vector512.FusedMultiplyAdd(column, Vector512.Create(Unsafe.Add(ref cj, 7)), a7);
        }
        StoreDistance(a0, pointNorm, ref centreNorms, 0, ref output);
        StoreDistance(a1, pointNorm, ref centreNorms, 1, ref output);
        StoreDistance(a2, pointNorm, ref centreNorms, 2, ref output);
        StoreDistance(a3, pointNorm, ref centreNorms, 3, ref output);
        StoreDistance(a4, pointNorm, ref centreNorms, 4, ref output);
        StoreDistance(a5, pointNorm, ref centreNorms, 5, ref output);
        StoreDistance(a6, pointNorm, ref centreNorms, 6, ref output);
        StoreDistance(a7, pointNorm, ref centreNorms, 7, ref output);
    }

    /// <summary>
    /// <see cref="Distance"/> of sixteen rows to one centre (its norm broadcast), stored at lane <paramref name="lane"/> of
    /// the output. TVec is <see cref="Vector512{T}"/> here (the caller checks), so the micro-kernels' own formula applies.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDistance(Vector512<float> dot, Vector512<float> pointNorm, ref float centreNorms, int lane, ref float output)
    {
        var centreNorm = Vector512.Create(Unsafe.Add(ref centreNorms, lane));
        var distance = Distance(Unsafe.As<Vector512<float>, TVec>(ref dot), Unsafe.As<Vector512<float>, TVec>(ref pointNorm),
            Unsafe.As<Vector512<float>, TVec>(ref centreNorm));
        Unsafe.As<TVec, Vector512<float>>(ref distance).StoreUnsafe(ref output, (nuint)(lane * SeedingLanes));
    }
}
