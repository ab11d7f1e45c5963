namespace GpuKMeans.Backends.Cpu;

/// <summary>
/// Centroids packed for the cache-blocked assignment (<see cref="CpuKernels.AssignRowsBlocked"/>), the way a
/// GEMM packs its B operand: cut into micro-panels of <see cref="PanelWidth"/> consecutive centroids, each
/// stored d-major and contiguous (row j of a panel holds coordinate j of its centroids). A panel slice of a
/// few dozen coordinates is then one contiguous run of memory that stays in the L1 cache while every row
/// group of a point chunk streams past it; in the plain d × kPad transpose (<see cref="CentroidPanel"/>) the
/// same slice is strided by kPad floats, and at kPad = 1024 every row of it falls into the same L1 set.
/// </summary>
/// <remarks>
/// k is rounded up to whole vectors; padding lanes are zero with an infinite norm, so they never win. Every
/// panel is <see cref="PanelWidth"/> wide except the last, which holds the remaining vectors.
/// </remarks>
internal sealed class CentroidMicroPanels(int width, int panelVectors)
{
    private AlignedFloats? _values;
    private AlignedFloats? _norms;

    /// <summary>Floats per vector.</summary>
    public int Width { get; } = width;

    /// <summary>Centroids per full panel: the micro-kernel's register tile width.</summary>
    public int PanelWidth { get; } = width * panelVectors;

    /// <summary>Centroids k.</summary>
    public int Count { get; private set; }

    /// <summary><c>k</c> rounded up to a multiple of <see cref="Width"/>.</summary>
    public int Padded { get; private set; }

    public int Dimensions { get; private set; }

    public int PanelCount => (Padded + PanelWidth - 1) / PanelWidth;

    /// <summary>The first element; panel p starts at <c>p · PanelWidth · d</c>.</summary>
    public ref float Values => ref _values!.Start;

    /// <summary><c>‖c‖²</c> in centroid order, <see cref="Padded"/> entries (+∞ for padding).</summary>
    public ref float Norms => ref _norms!.Start;

    /// <summary>Centroids in panel <paramref name="panel"/> (a multiple of <see cref="Width"/>).</summary>
    public int PanelColumns(int panel) => Math.Min(PanelWidth, Padded - panel * PanelWidth);

    /// <summary>Packs row-major <c>k × d</c> centroids.</summary>
    public void Pack(ReadOnlySpan<float> centroids, int count, int dimensions)
    {
        int padded = (count + Width - 1) / Width * Width;
        int cells = checked(padded * dimensions);
        if (_values is null || _values.Length < cells)
            _values = new AlignedFloats(cells);
        if (_norms is null || _norms.Length < padded)
            _norms = new AlignedFloats(padded);
        Count = count;
        Padded = padded;
        Dimensions = dimensions;
        var values = _values.Span[..cells];
        var norms = _norms.Span;
        values.Clear();
        for (int c = 0; c < count; c++)
        {
            int panel = c / PanelWidth, columns = PanelColumns(panel);
            int offset = panel * PanelWidth * dimensions + c - panel * PanelWidth;
            var row = centroids.Slice(c * dimensions, dimensions);
            for (int j = 0; j < dimensions; j++)
                values[offset + j * columns] = row[j];
            norms[c] = RowNorm.Squared(row);
        }
        norms[count..padded].Fill(float.PositiveInfinity);
    }
}
