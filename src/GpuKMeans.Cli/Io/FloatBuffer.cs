namespace GpuKMeans.Cli.Io;

/// <summary>
/// A growing array of floats for values read one at a time (the CSV reader): it doubles when full, up to
/// <see cref="Array.MaxLength"/>, and <see cref="ToArray"/> trims it to the values added.
/// </summary>
internal sealed class FloatBuffer
{
    private float[] _items = new float[4096];

    /// <summary>Number of values added.</summary>
    public int Count { get; private set; }

    /// <summary>Appends <paramref name="value"/>.</summary>
    /// <exception cref="CliUsageException">More values than one .NET array can hold.</exception>
    public void Add(float value)
    {
        if (Count == _items.Length)
            Grow();
        _items[Count++] = value;
    }

    /// <summary>The values added, in an array of exactly <see cref="Count"/> elements (the buffer itself when full).</summary>
    public float[] ToArray()
    {
        if (Count == _items.Length)
            return _items;
        var result = _items.AsSpan(0, Count).ToArray();
        _items = result;
        return result;
    }

    private void Grow()
    {
        if (_items.Length >= Array.MaxLength)
            throw new CliUsageException(
                $"the input has more than {Array.MaxLength:N0} values, the most one float32 array can hold: sample it or split it");
        int size = (int)Math.Min(Array.MaxLength, 2L * _items.Length);
        Array.Resize(ref _items, size);
    }
}
