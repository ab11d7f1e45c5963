using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GpuKMeans.Backends.Cpu;

/// <summary>The vector width the CPU kernels run at; each level is a complete, separately testable path.</summary>
internal enum CpuSimdLevel
{
    /// <summary>One lane: plain scalar code, for hardware without usable vectors.</summary>
    Scalar,

    /// <summary>4 floats per vector (SSE / NEON).</summary>
    Vector128,

    /// <summary>8 floats per vector (AVX2 + FMA).</summary>
    Vector256,

    /// <summary>16 floats per vector (AVX-512).</summary>
    Vector512,
}

/// <summary>
/// The few vector operations the CPU kernels use, as static abstract members so that the kernels are
/// written once and the JIT specialises and inlines them per width. Every lane of every width computes
/// exactly what the scalar path computes (fused multiply-add is correctly rounded everywhere), so all
/// paths give bit-identical distances.
/// </summary>
internal interface ISimd<TVec> where TVec : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Width { get; }

    static abstract TVec Load(ref float source);

    static abstract void Store(TVec value, ref float destination);

    static abstract TVec Broadcast(float value);

    /// <summary><c>a · b + c</c> with one rounding.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    static abstract TVec Add(TVec a, TVec b);

    /// <summary><c>a &gt; 0 ? a : 0</c> per lane, the kernels' clamp.</summary>
    static abstract TVec ClampAtZero(TVec a);

    /// <summary>
    /// The smallest lane. The kernels only pass distances, which are never NaN or −0 (the clamp maps both to
    /// +0), so any minimum instruction is exact here, whatever it does with those.
    /// </summary>
    static abstract float MinLane(TVec values);

    /// <summary>The lane indices <c>first, first + 1, …</c>, stored as int bits.</summary>
    static abstract TVec LaneIndices(int first);

    /// <summary>Per lane: where <paramref name="values"/> &lt; <paramref name="best"/>, takes the value and its index (int bits).</summary>
    static abstract void KeepSmaller(ref TVec best, ref TVec bestIndex, TVec values, TVec indices);

    /// <summary>The lowest index (int bits) among the lanes whose <paramref name="best"/> equals <paramref name="target"/>.</summary>
    static abstract int LowestIndexWhereEqual(TVec best, TVec bestIndex, float target);

    /// <summary><c>sums[j] += weight · row[j]</c> for <c>j &lt; length</c>, in double; the product is exact.</summary>
    static abstract void AddScaledRow(ref double sums, ref float row, double weight, int length);
}

/// <summary>One lane: the reference every vector path must match bit for bit.</summary>
internal readonly struct SimdScalar : ISimd<float>
{
    public static int Width => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Load(ref float source) => source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float value, ref float destination) => destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Broadcast(float value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Add(float a, float b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ClampAtZero(float a) => a > 0f ? a : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinLane(float values) => values;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LaneIndices(int first) => BitConverter.Int32BitsToSingle(first);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void KeepSmaller(ref float best, ref float bestIndex, float values, float indices)
    {
        if (values < best)
        {
            best = values;
            bestIndex = indices;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowestIndexWhereEqual(float best, float bestIndex, float target) => BitConverter.SingleToInt32Bits(bestIndex);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledRow(ref double sums, ref float row, double weight, int length)
    {
        for (int j = 0; j < length; j++)
            Unsafe.Add(ref sums, j) = Math.FusedMultiplyAdd(weight, Unsafe.Add(ref row, j), Unsafe.Add(ref sums, j));
    }
}

/// <summary>4 lanes (SSE, NEON).</summary>
internal readonly struct Simd128 : ISimd<Vector128<float>>
{
    public static int Width => 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        Vector128.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ClampAtZero(Vector128<float> a) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(a, Vector128<float>.Zero), a, Vector128<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinLane(Vector128<float> values)
    {
        var v = Vector128.MinNative(values, Vector128.Shuffle(values, Vector128.Create(2, 3, 0, 1)));
        return Vector128.MinNative(v, Vector128.Shuffle(v, Vector128.Create(1, 0, 3, 2))).ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LaneIndices(int first) => (Vector128<int>.Indices + Vector128.Create(first)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void KeepSmaller(ref Vector128<float> best, ref Vector128<float> bestIndex, Vector128<float> values, Vector128<float> indices)
    {
        var smaller = Vector128.LessThan(values, best);
        best = Vector128.MinNative(values, best);
        bestIndex = Vector128.ConditionalSelect(smaller, indices, bestIndex);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowestIndexWhereEqual(Vector128<float> best, Vector128<float> bestIndex, float target) =>
        MinLane(Vector128.ConditionalSelect(Vector128.Equals(best, Vector128.Create(target)).AsInt32(), bestIndex.AsInt32(), Vector128.Create(int.MaxValue)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int MinLane(Vector128<int> values)
    {
        var v = Vector128.Min(values, Vector128.Shuffle(values, Vector128.Create(2, 3, 0, 1)));
        return Vector128.Min(v, Vector128.Shuffle(v, Vector128.Create(1, 0, 3, 2))).ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledRow(ref double sums, ref float row, double weight, int length)
    {
        var w = Vector128.Create(weight);
        int j = 0;
        for (; j + 4 <= length; j += 4)
        {
            var (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref row, (nuint)j));
            ref double s = ref Unsafe.Add(ref sums, j);
            Vector128.FusedMultiplyAdd(w, lo, Vector128.LoadUnsafe(ref s)).StoreUnsafe(ref s);
            Vector128.FusedMultiplyAdd(w, hi, Vector128.LoadUnsafe(ref s, 2)).StoreUnsafe(ref s, 2);
        }
        SimdScalar.AddScaledRow(ref Unsafe.Add(ref sums, j), ref Unsafe.Add(ref row, j), weight, length - j);
    }
}
