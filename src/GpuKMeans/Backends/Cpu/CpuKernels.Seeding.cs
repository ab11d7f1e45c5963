using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GpuKMeans.Backends.Cpu;

internal abstract partial class CpuKernels
{
    /// <summary>Floats a seeding tile holds past its 4 × Padded rows, so that a row's candidates can be read 8 or 16 at a time.</summary>
    public const int SeedingTileSpare = 16;

    /// <summary>
    /// One k-means++ block, rows <c>[start, end)</c>. Lanes <c>0 … sums.Length − 1</c> of <paramref name="panel"/> are the
    /// candidates; when <paramref name="pending"/> is true, the next lane is the pending centre and lowers
    /// <paramref name="closest"/> first. Then <c>sums[t] = Σ wᵢ · min(closestᵢ, d²(xᵢ, candidate t))</c> in double, row
    /// after row in index order: every lane computes exactly the scalar expression (the minimum of two non-negative,
    /// non-NaN floats is exact whichever instruction takes it), so every vector width and every path below give the same bits. <paramref name="tile"/> holds <c>4 × panel.Padded + </c><see cref="SeedingTileSpare"/> floats.
    /// </summary>
    public abstract void SeedingBlock(
        CpuPoints points, CentroidPanel panel, int start, int end, bool pending, float[] closest, Span<double> sums, Span<float> tile);
}

internal sealed partial class CpuKernels<TSimd, TVec>
{
    /// <summary>Candidates whose sums stay in registers (two vectors of 8 doubles) on the AVX-512 paths.</summary>
    private const int RegisterCandidates = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void SeedingBlock(
        CpuPoints points, CentroidPanel panel, int start, int end, bool pending, float[] closest, Span<double> sums, Span<float> tile)
    {
        int padded = panel.Padded, count = sums.Length, lanes = count + (pending ? 1 : 0);
        if (end > points.Count || start < 0 || start > end || lanes > panel.Count || panel.Dimensions != points.Dimensions
            || tile.Length < 4 * padded + SeedingTileSpare || closest.Length < end)
            throw new ArgumentException("The block, the panel, the sums or the tile do not fit these points.");
        if (typeof(TVec) == typeof(Vector512<float>) && Avx512F.IsSupported && padded == 16)
        {
            SeedingBlock512(points, panel, start, end, pending, closest, sums);
            return;
        }
        float[] weights = points.Weights;
        bool wide = Avx512F.IsSupported && count <= RegisterCandidates;
        var sum0 = Vector512<double>.Zero;
        var sum1 = Vector512<double>.Zero;
        sums.Clear();
        ref double sumStart = ref MemoryMarshal.GetReference(sums);
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
                if (wide)
                {
                    var bound = Vector256.Create(nearest);
                    var weight = Vector512.Create(w);
                    sum0 += weight * Avx512F.ConvertToVector512Double(Vector256.MinNative(Vector256.LoadUnsafe(ref candidates), bound));
                    if (count > 8)
                        sum1 += weight * Avx512F.ConvertToVector512Double(Vector256.MinNative(Vector256.LoadUnsafe(ref candidates, 8), bound));
                }
                else
                {
                    for (int t = 0; t < count; t++)
                    {
                        float distance = Unsafe.Add(ref candidates, t);
                        Unsafe.Add(ref sumStart, t) += w * (distance < nearest ? distance : nearest);
                    }
                }
            }
        }
        if (wide)
            StoreSums(sum0, sum1, sums);
    }

    /// <summary>
    /// <see cref="SeedingBlock"/> when the panel is one AVX-512 vector: the rows' dot products stay in registers
    /// (the same fused chain over d as <see cref="Block4x1{TEpilogue}"/>, so the same distances) and go straight into the sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SeedingBlock512(CpuPoints points, CentroidPanel panel, int start, int end, bool pending, float[] closest, Span<double> sums)
    {
        int d = points.Dimensions, count = sums.Length;
        var pendingLane = Vector512.Create(count);
        bool second = count > 8;
        var sum0 = Vector512<double>.Zero;
        var sum1 = Vector512<double>.Zero;
        ref float centreNorms = ref panel.Norms;
        ref float values = ref points.Values.Start;
        ref float norms = ref MemoryMarshal.GetArrayDataReference(points.Norms);
        ref float weights = ref MemoryMarshal.GetArrayDataReference(points.Weights);
        ref float nearest = ref MemoryMarshal.GetArrayDataReference(closest);
        int r = start;
        // Eight rows at a time: eight independent fused chains hide the multiply-add latency at small d.
        for (; r + 8 <= end; r += 8)
        {
            ref float x0 = ref Unsafe.Add(ref values, (nint)r * d);
            ref float c = ref panel.Transposed;
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
            for (int j = 0; j < d; j++)
            {
                var column = Vector512.LoadUnsafe(ref c);
                ref float x = ref Unsafe.Add(ref x0, j);
                a0 = Vector512.FusedMultiplyAdd(Vector512.Create(x), column, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, d)), column, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, 2 * d)), column, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, 3 * d)), column, a3);
                a4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, 4 * d)), column, a4);
                a5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, 5 * d)), column, a5);
                a6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, 6 * d)), column, a6);
                a7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, 7 * d)), column, a7);
                c = ref Unsafe.Add(ref c, 16);
            }
            SeedRow512(a0, Unsafe.Add(ref norms, r), Unsafe.Add(ref weights, r), ref Unsafe.Add(ref nearest, r),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
            SeedRow512(a1, Unsafe.Add(ref norms, r + 1), Unsafe.Add(ref weights, r + 1), ref Unsafe.Add(ref nearest, r + 1),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
            SeedRow512(a2, Unsafe.Add(ref norms, r + 2), Unsafe.Add(ref weights, r + 2), ref Unsafe.Add(ref nearest, r + 2),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
            SeedRow512(a3, Unsafe.Add(ref norms, r + 3), Unsafe.Add(ref weights, r + 3), ref Unsafe.Add(ref nearest, r + 3),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
            SeedRow512(a4, Unsafe.Add(ref norms, r + 4), Unsafe.Add(ref weights, r + 4), ref Unsafe.Add(ref nearest, r + 4),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
            SeedRow512(a5, Unsafe.Add(ref norms, r + 5), Unsafe.Add(ref weights, r + 5), ref Unsafe.Add(ref nearest, r + 5),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
            SeedRow512(a6, Unsafe.Add(ref norms, r + 6), Unsafe.Add(ref weights, r + 6), ref Unsafe.Add(ref nearest, r + 6),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
            SeedRow512(a7, Unsafe.Add(ref norms, r + 7), Unsafe.Add(ref weights, r + 7), ref Unsafe.Add(ref nearest, r + 7),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
        }
        // The last rows one at a time (never past the block, so never past the points).
        for (; r < end; r++)
        {
            ref float x = ref Unsafe.Add(ref values, (nint)r * d);
            ref float c = ref panel.Transposed;
            Vector512<float> a = default;
            for (int j = 0; j < d; j++)
            {
                a = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x, j)), Vector512.LoadUnsafe(ref c), a);
                c = ref Unsafe.Add(ref c, 16);
            }
            SeedRow512(a, Unsafe.Add(ref norms, r), Unsafe.Add(ref weights, r), ref Unsafe.Add(ref nearest, r),
                ref centreNorms, pendingLane, pending, second, ref sum0, ref sum1);
        }
        StoreSums(sum0, sum1, sums);
    }

    private static void StoreSums(Vector512<double> sum0, Vector512<double> sum1, Span<double> sums)
    {
        Span<double> lanes = stackalloc double[RegisterCandidates];
        sum0.CopyTo(lanes);
        sum1.CopyTo(lanes[8..]);
        lanes[..sums.Length].CopyTo(sums);
    }

    /// <summary>
    /// The per-row epilogue of <see cref="SeedingBlock512"/>: the distances from the dot products, the pending centre's
    /// lane lowering <paramref name="closest"/>, and <c>w · min(closest, distance)</c> of the candidate lanes added to
    /// the block's sums (kept in registers by the caller).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SeedRow512(
        Vector512<float> dot, float pointNorm, float weight, ref float closest, ref float centreNorms,
        Vector512<int> pendingLane, bool pending, bool second, ref Vector512<double> sum0, ref Vector512<double> sum1)
    {
        // TVec is Vector512<float> here (the caller checks): the micro-kernels' own distance formula.
        var distance = Distance(Unsafe.As<Vector512<float>, TVec>(ref dot), TSimd.Broadcast(pointNorm), ref centreNorms);
        var distances = Unsafe.As<TVec, Vector512<float>>(ref distance);
        float nearest = closest;
        if (pending)
        {
            float toPending = Avx512F.PermuteVar16x32(distances, pendingLane).ToScalar();
            if (toPending < nearest)
                closest = nearest = toPending;
        }
        var bound = Vector256.Create(nearest);
        var w = Vector512.Create((double)weight);
        sum0 += w * Avx512F.ConvertToVector512Double(Vector256.MinNative(distances.GetLower(), bound));
        if (second)
            sum1 += w * Avx512F.ConvertToVector512Double(Vector256.MinNative(distances.GetUpper(), bound));
    }
}
