using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GpuKMeans.Backends.Cpu;

/// <summary>A float array whose first element sits on a 64-byte boundary (a cache line, one AVX-512 vector).</summary>
internal sealed class AlignedFloats
{
    private const int AlignmentFloats = 16;
    private readonly float[] _array;
    private readonly int _offset;

    public unsafe AlignedFloats(int length)
    {
        Length = length;
        // Pinned, so the alignment found now holds for the array's lifetime.
        _array = GC.AllocateArray<float>(length + AlignmentFloats, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
        _offset = (int)((64 - address % 64) % 64) / sizeof(float);
    }

    public int Length { get; }

    public Span<float> Span => _array.AsSpan(_offset, Length);

    /// <summary>The first element, for the kernels' unchecked addressing.</summary>
    public ref float Start => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _offset);
}

/// <summary>
/// The squared norm every CPU kernel uses: a chain of fused multiply-adds in column order, exactly what one
/// lane of the distance kernel computes for a dot product. So the norm of a row equals its dot product with
/// itself to the last bit, and the distance of a row to an identical centroid is exactly 0.
/// </summary>
internal static class RowNorm
{
    public static float Squared(ReadOnlySpan<float> row)
    {
        float sum = 0f;
        foreach (float v in row)
            sum = MathF.FusedMultiplyAdd(v, v, sum);
        return sum;
    }
}

/// <summary>
/// The points as the CPU kernels read them: a 64-byte-aligned row-major copy with three zero rows after
/// the last (so a group of four rows never reads past the end), their squared norms, and their weights.
/// </summary>
internal sealed class CpuPoints
{
    /// <summary>Rows per norm task at upload.</summary>
    private const int NormChunk = 4096;

    public CpuPoints(ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights)
        : this(points.Length / dimensions, dimensions)
    {
        Load(points, weights);
    }

    /// <summary>Room for <paramref name="count"/> rows, all zero with weight 0 until <see cref="Load(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.</summary>
    public CpuPoints(int count, int dimensions)
    {
        Dimensions = dimensions;
        Count = count;
        Values = new AlignedFloats(checked((Count + 3) * dimensions));
        Norms = new float[Count + 3];
        Weights = new float[Count];
    }

    /// <summary>
    /// Overwrites the first <c>points.Length / d</c> rows and their weights (empty = all 1), zeroes the rest with
    /// weight 0, and recomputes the norms (a streamed chunk replacing the previous one).
    /// </summary>
    public void Load(ReadOnlySpan<float> points, ReadOnlySpan<float> weights)
    {
        points.CopyTo(Values.Span);
        Finish(points.Length / Dimensions, weights);
    }

    /// <summary>The same from a source read chunk by chunk straight into the aligned copy (every row of it).</summary>
    public void Load(Data.IPointSource source, ReadOnlySpan<float> weights)
    {
        Data.PointChunks.ForEach(source, (first, rows) => rows.CopyTo(Values.Span[(first * Dimensions)..]));
        Finish(source.Count, weights);
    }

    /// <summary>After the first <paramref name="rows"/> rows were written: zero the rest, set the weights, compute the norms.</summary>
    private void Finish(int rows, ReadOnlySpan<float> weights)
    {
        int dimensions = Dimensions;
        Values.Span[(rows * dimensions)..].Clear();
        if (weights.IsEmpty)
            Weights.AsSpan(0, rows).Fill(1f);
        else
            weights.CopyTo(Weights);
        Weights.AsSpan(rows).Clear();

        int chunks = (Count + NormChunk - 1) / NormChunk;
        Parallel.For(0, chunks, chunk =>
        {
            int end = Math.Min(Count, (chunk + 1) * NormChunk);
            var values = Values.Span;
            for (int i = chunk * NormChunk; i < end; i++)
                Norms[i] = RowNorm.Squared(values.Slice(i * dimensions, dimensions));
        });
    }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>Row-major <c>(n + 3) × d</c>; the last three rows are zero.</summary>
    public AlignedFloats Values { get; }

    /// <summary><c>‖xᵢ‖²</c>, <c>n + 3</c> entries (the padding rows' are 0).</summary>
    public float[] Norms { get; }

    public float[] Weights { get; }

    public ReadOnlySpan<float> Row(int row) => Values.Span.Slice(row * Dimensions, Dimensions);
}

/// <summary>
/// Centroids packed for the distance kernel: transposed to <c>d × kPad</c> (row j holds coordinate j of
/// every centroid, so one vector load gives that coordinate of <see cref="Width"/> consecutive centroids),
/// with k rounded up to whole vectors. Padding lanes are zero and their norm is +∞, so their distance is
/// +∞ and never wins.
/// </summary>
internal sealed class CentroidPanel(int width)
{
    private AlignedFloats? _transposed;
    private AlignedFloats? _norms;

    public int Width { get; } = width;

    /// <summary>Centroids <c>k</c>.</summary>
    public int Count { get; private set; }

    /// <summary><c>k</c> rounded up to a multiple of <see cref="Width"/>.</summary>
    public int Padded { get; private set; }

    public int Dimensions { get; private set; }

    public ref float Transposed => ref _transposed!.Start;

    public ref float Norms => ref _norms!.Start;

    /// <summary>Packs row-major <c>k × d</c> centroids.</summary>
    public void Pack(ReadOnlySpan<float> centroids, int count, int dimensions)
    {
        Resize(count, dimensions);
        var transposed = _transposed!.Span;
        var norms = _norms!.Span;
        for (int c = 0; c < count; c++)
        {
            var row = centroids.Slice(c * dimensions, dimensions);
            for (int j = 0; j < dimensions; j++)
                transposed[j * Padded + c] = row[j];
            norms[c] = RowNorm.Squared(row);
        }
    }

    private void Resize(int count, int dimensions)
    {
        int padded = (count + Width - 1) / Width * Width;
        int cells = checked(padded * dimensions);
        if (_transposed is null || _transposed.Length < cells)
            _transposed = new AlignedFloats(cells);
        if (_norms is null || _norms.Length < padded)
            _norms = new AlignedFloats(padded);
        Count = count;
        Padded = padded;
        Dimensions = dimensions;
        // Padding lanes: zero coordinates (no NaN from stale memory) and an infinite norm.
        _transposed.Span[..cells].Clear();
        _norms.Span[count..padded].Fill(float.PositiveInfinity);
    }
}
