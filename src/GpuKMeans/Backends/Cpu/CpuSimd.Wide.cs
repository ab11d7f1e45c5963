using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GpuKMeans.Backends.Cpu;

/// <summary>8 lanes (AVX2 with FMA).</summary>
internal readonly struct Simd256 : ISimd<Vector256<float>>
{
    public static int Width => 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Vector256.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ClampAtZero(Vector256<float> a) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(a, Vector256<float>.Zero), a, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinLane(Vector256<float> values) =>
        Simd128.MinLane(Vector128.MinNative(values.GetLower(), values.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LaneIndices(int first) => (Vector256<int>.Indices + Vector256.Create(first)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void KeepSmaller(ref Vector256<float> best, ref Vector256<float> bestIndex, Vector256<float> values, Vector256<float> indices)
    {
        var smaller = Vector256.LessThan(values, best);
        best = Vector256.MinNative(values, best);
        bestIndex = Vector256.ConditionalSelect(smaller, indices, bestIndex);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowestIndexWhereEqual(Vector256<float> best, Vector256<float> bestIndex, float target) =>
        MinLane(Vector256.ConditionalSelect(Vector256.Equals(best, Vector256.Create(target)).AsInt32(), bestIndex.AsInt32(), Vector256.Create(int.MaxValue)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int MinLane(Vector256<int> values) => Simd128.MinLane(Vector128.Min(values.GetLower(), values.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledRow(ref double sums, ref float row, double weight, int length)
    {
        var w = Vector256.Create(weight);
        int j = 0;
        for (; j + 8 <= length; j += 8)
        {
            var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref row, (nuint)j));
            ref double s = ref Unsafe.Add(ref sums, j);
            Vector256.FusedMultiplyAdd(w, lo, Vector256.LoadUnsafe(ref s)).StoreUnsafe(ref s);
            Vector256.FusedMultiplyAdd(w, hi, Vector256.LoadUnsafe(ref s, 4)).StoreUnsafe(ref s, 4);
        }
        SimdScalar.AddScaledRow(ref Unsafe.Add(ref sums, j), ref Unsafe.Add(ref row, j), weight, length - j);
    }
}

/// <summary>16 lanes (AVX-512).</summary>
internal readonly struct Simd512 : ISimd<Vector512<float>>
{
    public static int Width => 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ClampAtZero(Vector512<float> a) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(a, Vector512<float>.Zero), a, Vector512<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MinLane(Vector512<float> values) =>
        Simd256.MinLane(Vector256.MinNative(values.GetLower(), values.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LaneIndices(int first) => (Vector512<int>.Indices + Vector512.Create(first)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void KeepSmaller(ref Vector512<float> best, ref Vector512<float> bestIndex, Vector512<float> values, Vector512<float> indices)
    {
        var smaller = Vector512.LessThan(values, best);
        best = Vector512.MinNative(values, best);
        bestIndex = Vector512.ConditionalSelect(smaller, indices, bestIndex);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LowestIndexWhereEqual(Vector512<float> best, Vector512<float> bestIndex, float target) =>
        MinLane(Vector512.ConditionalSelect(Vector512.Equals(best, Vector512.Create(target)).AsInt32(), bestIndex.AsInt32(), Vector512.Create(int.MaxValue)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int MinLane(Vector512<int> values) => Simd256.MinLane(Vector256.Min(values.GetLower(), values.GetUpper()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaledRow(ref double sums, ref float row, double weight, int length)
    {
        var w = Vector512.Create(weight);
        int j = 0;
        for (; j + 16 <= length; j += 16)
        {
            var (lo, hi) = Vector512.Widen(Vector512.LoadUnsafe(ref row, (nuint)j));
            ref double s = ref Unsafe.Add(ref sums, j);
            Vector512.FusedMultiplyAdd(w, lo, Vector512.LoadUnsafe(ref s)).StoreUnsafe(ref s);
            Vector512.FusedMultiplyAdd(w, hi, Vector512.LoadUnsafe(ref s, 8)).StoreUnsafe(ref s, 8);
        }
        SimdScalar.AddScaledRow(ref Unsafe.Add(ref sums, j), ref Unsafe.Add(ref row, j), weight, length - j);
    }
}
