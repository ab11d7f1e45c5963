using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// The CPU backend's compute loops at one vector width. <see cref="CpuWorkspace"/> splits the work into
/// blocks and threads; everything per row lives here, specialised per width by <see cref="CpuKernels{TSimd, TVec}"/>.
/// </summary>
internal abstract partial class CpuKernels
{
    public abstract CpuSimdLevel Level { get; }

    /// <summary>Floats per vector: centroid panels are padded to a multiple of this.</summary>
    public abstract int Width { get; }

    /// <summary>Clamped squared distances of rows <c>[row, row + 4)</c> to every lane of <paramref name="panel"/>, into <c>tile[4 × Padded]</c>.</summary>
    public abstract void DistanceRows4(CpuPoints points, int row, CentroidPanel panel, Span<float> tile);

    /// <summary>Nearest centroid (lowest index on ties) and its distance for rows <c>[first, end)</c>.</summary>
    public abstract void AssignRows(
        CpuPoints points, CentroidPanel panel, int first, int end, Span<int> labels, Span<float> minDistances, Span<float> tile);

    /// <summary>Centroid vectors per micro-panel of <see cref="CentroidMicroPanels"/> (the register tile's width).</summary>
    public abstract int PanelVectors { get; }

    /// <summary>Floats of scratch <see cref="AssignRowsBlocked"/> needs for a chunk of <paramref name="rows"/> rows.</summary>
    public abstract int BlockedScratchLength(int rows, CentroidMicroPanels centroids);

    /// <summary>
    /// The same labels and distances as <see cref="AssignRows"/>, bit for bit, for rows <c>[first, end)</c>,
    /// cache-blocked like a GEMM over centroid micro-panels and slices of coordinates.
    /// </summary>
    public abstract void AssignRowsBlocked(
        CpuPoints points, CentroidMicroPanels centroids, int first, int end, Span<int> labels, Span<float> minDistances, Span<float> scratch);

    /// <summary>Empty micro-panels sized for this path's register tile.</summary>
    public CentroidMicroPanels NewMicroPanels() => new(Width, PanelVectors);

    /// <summary>
    /// Adds points <c>[first, end)</c> in index order to one block's partials: <c>wᵢ·xᵢ</c> to row
    /// <c>labelᵢ</c> of <paramref name="sums"/> (k × d), <c>wᵢ</c> to <paramref name="weights"/>,
    /// <c>wᵢ·distᵢ</c> to <paramref name="inertia"/>, and 1 to <paramref name="changes"/> per label that moved.
    /// </summary>
    public abstract void AccumulateRows(
        CpuPoints points, int first, int end, int[] labels, int[] previousLabels, float[] minDistances,
        Span<double> sums, Span<double> weights, ref double inertia, ref long changes);

    /// <summary>The best path this machine runs: the widest accelerated vectors that have a fused multiply-add.</summary>
    public static CpuSimdLevel BestLevel
    {
        get
        {
            bool fma = System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
            if (Vector512.IsHardwareAccelerated && fma)
                return CpuSimdLevel.Vector512;
            if (Vector256.IsHardwareAccelerated && fma)
                return CpuSimdLevel.Vector256;
            if (Vector128.IsHardwareAccelerated && fma)
                return CpuSimdLevel.Vector128;
            return CpuSimdLevel.Scalar;
        }
    }

    public static CpuKernels Create(CpuSimdLevel level) => level switch
    {
        CpuSimdLevel.Vector512 => new CpuKernels<Simd512, Vector512<float>>(level),
        CpuSimdLevel.Vector256 => new CpuKernels<Simd256, Vector256<float>>(level),
        CpuSimdLevel.Vector128 => new CpuKernels<Simd128, Vector128<float>>(level),
        _ => new CpuKernels<SimdScalar, float>(CpuSimdLevel.Scalar),
    };
}

/// <summary>
/// The CPU kernels at one vector width. All distances come from one register tile (four points × four, two or
/// one vector(s) of centroids, <c>CpuKernels.BlockTiles.cs</c>); the Lloyd assignment runs them
/// cache-blocked like a GEMM with the argmin fused (<c>CpuKernels.Blocked.cs</c>), the distance matrix and
/// k-means++ unblocked over the transposed panel (<c>CpuKernels.MicroKernels.cs</c>). Each lane is a plain
/// chain of fused multiply-adds in column order, so the result depends neither on the vector width nor on
/// the blocking.
/// </summary>
/// <remarks>
/// The hot loops are compiled fully optimised on first call (<see cref="MethodImplOptions.AggressiveOptimization"/>):
/// with tiered compilation the first iterations of a process's first fit would otherwise run unoptimised code, 20–30× slower.
/// </remarks>
internal sealed partial class CpuKernels<TSimd, TVec>(CpuSimdLevel level) : CpuKernels
    where TSimd : struct, ISimd<TVec>
    where TVec : struct
{
    /// <summary>Centroid vectors per pass: 4 × 4 accumulators need the 32 vector registers of AVX-512.</summary>
    private static readonly int MainPanels = TSimd.Width == 16 ? 4 : 2;

    public override CpuSimdLevel Level => level;

    public override int Width => TSimd.Width;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AssignRows(
        CpuPoints points, CentroidPanel panel, int first, int end, Span<int> labels, Span<float> minDistances, Span<float> tile)
    {
        int padded = panel.Padded;
        Span<int> groupLabels = stackalloc int[4];
        Span<float> groupDistances = stackalloc float[4];
        for (int row = first; row < end; row += 4)
        {
            DistanceRows4(points, row, panel, tile);
            ArgMin4(ref MemoryMarshal.GetReference(tile), padded, groupLabels, groupDistances);
            int rows = Math.Min(4, end - row);
            groupLabels[..rows].CopyTo(labels[row..]);
            groupDistances[..rows].CopyTo(minDistances[row..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AccumulateRows(
        CpuPoints points, int first, int end, int[] labels, int[] previousLabels, float[] minDistances,
        Span<double> sums, Span<double> weights, ref double inertia, ref long changes)
    {
        int d = points.Dimensions, k = weights.Length;
        if (sums.Length < k * d || end > points.Count || first < 0)
            throw new ArgumentException("The partials do not match the points.");
        float[] pointWeights = points.Weights;
        ref float row = ref Unsafe.Add(ref points.Values.Start, (nint)first * d);
        ref double sumRows = ref MemoryMarshal.GetReference(sums);
        ref double clusterWeights = ref MemoryMarshal.GetReference(weights);
        double blockInertia = inertia;
        long blockChanges = changes;
        for (int i = first; i < end; i++)
        {
            int label = labels[i];
            if ((uint)label >= (uint)k)
                ThrowNoAssignment(i, label);
            double w = pointWeights[i];
            TSimd.AddScaledRow(ref Unsafe.Add(ref sumRows, (nint)label * d), ref row, w, d);
            Unsafe.Add(ref clusterWeights, label) += w;
            blockInertia += w * minDistances[i];
            if (label != previousLabels[i])
                blockChanges++;
            row = ref Unsafe.Add(ref row, d);
        }
        inertia = blockInertia;
        changes = blockChanges;
    }

    private static void ThrowNoAssignment(int point, int label) => throw new InvalidOperationException(
        $"Point {point} has label {label}: Accumulate needs an Assign with the current centroids first.");

    /// <summary>
    /// For each of the four tile rows, the lowest distance and the lowest index holding it: exactly what a
    /// scan keeping the first strictly smaller value returns. Per lane, a strict &lt; keeps the first index of
    /// that lane's minimum (branch-free compare and blend); across lanes, the minimum value, then the lowest
    /// index among the lanes holding it. Tile values are never NaN or −0 (the clamp maps both to +0), so any
    /// minimum instruction is exact. The four rows run interleaved so that their dependency chains overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ArgMin4(ref float tile, int padded, Span<int> labels, Span<float> distances)
    {
        int w = TSimd.Width;
        ref float t0 = ref tile;
        ref float t1 = ref Unsafe.Add(ref tile, padded);
        ref float t2 = ref Unsafe.Add(ref tile, 2 * padded);
        ref float t3 = ref Unsafe.Add(ref tile, 3 * padded);
        TVec m0 = TSimd.Load(ref t0), m1 = TSimd.Load(ref t1), m2 = TSimd.Load(ref t2), m3 = TSimd.Load(ref t3);
        TVec i0 = TSimd.LaneIndices(0), i1 = i0, i2 = i0, i3 = i0;
        for (int c = w; c < padded; c += w)
        {
            // Per lane, strict < keeps the first (lowest) index of that lane's minimum.
            TVec indices = TSimd.LaneIndices(c);
            TSimd.KeepSmaller(ref m0, ref i0, TSimd.Load(ref Unsafe.Add(ref t0, c)), indices);
            TSimd.KeepSmaller(ref m1, ref i1, TSimd.Load(ref Unsafe.Add(ref t1, c)), indices);
            TSimd.KeepSmaller(ref m2, ref i2, TSimd.Load(ref Unsafe.Add(ref t2, c)), indices);
            TSimd.KeepSmaller(ref m3, ref i3, TSimd.Load(ref Unsafe.Add(ref t3, c)), indices);
        }
        // Across lanes: the minimum, then the lowest index among the lanes that hold it.
        float b0 = TSimd.MinLane(m0), b1 = TSimd.MinLane(m1), b2 = TSimd.MinLane(m2), b3 = TSimd.MinLane(m3);
        int l0 = TSimd.LowestIndexWhereEqual(m0, i0, b0);
        int l1 = TSimd.LowestIndexWhereEqual(m1, i1, b1);
        int l2 = TSimd.LowestIndexWhereEqual(m2, i2, b2);
        int l3 = TSimd.LowestIndexWhereEqual(m3, i3, b3);
        labels[0] = l0;
        labels[1] = l1;
        labels[2] = l2;
        labels[3] = l3;
        distances[0] = b0;
        distances[1] = b1;
        distances[2] = b2;
        distances[3] = b3;
    }
}
