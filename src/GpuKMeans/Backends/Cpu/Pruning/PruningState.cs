using System.Numerics;
using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Cpu.Pruning;

/// <summary>
/// What Elkan's or Yinyang's pruning keeps between two steps of one run: the centroid order (groups), the
/// reordered panel, one row of lower bounds per point, and the centroids the bounds refer to. Each step
/// first learns how far every centroid moved since those centroids (<see cref="Prepare"/>) — whatever moved
/// it, the M-step or an empty-cluster relocation — then decays the bounds by that drift.
/// </summary>
/// <remarks>
/// A unit is what one lower bound covers: a centroid position for Elkan, a block of <see cref="Width"/>
/// positions (a group) for Yinyang. A point's bound of a unit never covers its own assigned centroid.
/// </remarks>
internal sealed class PruningState
{
    public PruningState(bool elkan, int pointCount, int dimensions, int clusterCount, int width)
    {
        Elkan = elkan;
        Dimensions = dimensions;
        ClusterCount = clusterCount;
        Width = width;
        Panel = new CentroidPanel(width);
        Padded = (clusterCount + width - 1) / width * width;
        BlockCount = Padded / width;
        int units = elkan ? Padded : BlockCount;
        int lanes = Vector<float>.Count;
        Stride = (units + lanes - 1) / lanes * lanes;
        Bounds = new float[checked((long)pointCount * Stride)];
        Array.Fill(Bounds, float.PositiveInfinity);   // units past the last one are never screened in
        UnitDrift = new float[Stride];
        Separation = new float[Padded];
        HalfSeparationSquared = new double[Padded];
        CentroidDistances = elkan ? new float[checked(Padded * Stride)] : [];
        GroupSeparation = elkan ? [] : new float[checked(Padded * Stride)];
        PermutedRows = new float[clusterCount * dimensions];
        BoundCentroids = new float[clusterCount * dimensions];
        Kappa = PruningMargin.Kappa(dimensions);
        Epoch = new int[pointCount];
        GlobalBound = new float[pointCount];
    }

    /// <summary>Whether the bounds of <paramref name="pointCount"/> points fit one array (at most <see cref="Array.MaxLength"/> floats).</summary>
    public static bool Fits(bool elkan, int pointCount, int clusterCount, int width)
    {
        int padded = (clusterCount + width - 1) / width * width;
        int units = elkan ? padded : padded / width;
        long stride = (units + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        return (long)pointCount * stride <= Array.MaxLength && (!elkan || (long)padded * stride <= Array.MaxLength);
    }

    /// <summary>Per-centroid bounds (Elkan) rather than per-group bounds (Yinyang).</summary>
    public bool Elkan { get; }

    public int Dimensions { get; }

    public int ClusterCount { get; }

    /// <summary>Centroids per group: the kernel's vector width.</summary>
    public int Width { get; }

    /// <summary>k rounded up to whole groups.</summary>
    public int Padded { get; }

    public int BlockCount { get; }

    /// <summary>Floats per point in <see cref="Bounds"/>: the unit count rounded up to a whole <see cref="Vector{T}"/>; the extra units hold +∞.</summary>
    public int Stride { get; }

    /// <summary>False until a full step has set every bound (after construction or <see cref="Invalidate"/>).</summary>
    public bool Valid { get; private set; }

    /// <summary>Position p of the panel holds original centroid <c>Order[p]</c>.</summary>
    public int[] Order { get; private set; } = [];

    /// <summary>The panel position of each original centroid.</summary>
    public int[] Position { get; private set; } = [];

    /// <summary>The current centroids, reordered, packed for the kernel.</summary>
    public CentroidPanel Panel { get; }

    /// <summary>The current centroids reordered, row-major.</summary>
    public float[] PermutedRows { get; }

    /// <summary>Lower bounds, <c>n × Stride</c>: on the distance to a centroid (Elkan) or to the nearest centroid of a group (Yinyang).</summary>
    public float[] Bounds { get; }

    /// <summary>How far each unit moved since the bounds were set (a group: its farthest-moving centroid), rounded up.</summary>
    public float[] UnitDrift { get; }

    /// <summary>Per position, the distance to the nearest other centroid, rounded down (+∞ when k = 1).</summary>
    public float[] Separation { get; }

    /// <summary>Per position, <c>(Separation / 2)²</c> rounded down: the screen's first test, <c>D + M</c> below it, needs no square root.</summary>
    public double[] HalfSeparationSquared { get; }

    /// <summary>Elkan only: <c>Padded × Stride</c> centroid–centroid distances by position, rounded down (+∞ on the diagonal and for padding).</summary>
    public float[] CentroidDistances { get; }

    /// <summary>
    /// Yinyang only: <c>Padded × Stride</c>, per position p and group g, the distance from centroid p to the nearest
    /// other centroid of g, rounded down (+∞ when g holds no other centroid, and for the padding units).
    /// </summary>
    public float[] GroupSeparation { get; }

    /// <summary>
    /// Per position p, the row of <see cref="Stride"/> centroid–unit distances (each a lower bound on the distance
    /// from centroid p to every centroid of the unit other than p itself): <see cref="CentroidDistances"/> for Elkan,
    /// <see cref="GroupSeparation"/> for Yinyang.
    /// </summary>
    public ReadOnlySpan<float> UnitSeparation(int p) => (Elkan ? CentroidDistances : GroupSeparation).AsSpan(p * Stride, Stride);

    /// <summary>κ of <see cref="PruningMargin"/> for these dimensions.</summary>
    public double Kappa { get; }

    /// <summary>The largest squared centroid norm, rounded up: the centroid half of every margin.</summary>
    public double MaxNorm { get; private set; }

    private float[] BoundCentroids { get; }

    /// <summary>Steps since the bounds were set afresh (0 for the step that sets them).</summary>
    public int Step { get; private set; }

    /// <summary>Per point, the step its bounds were last decayed to (a point settled by <see cref="HalfSeparationSquared"/> is not touched).</summary>
    public int[] Epoch { get; }

    /// <summary>
    /// <c>(Step + 1) × Stride</c>: row e is how far each unit moved from step e to this step, rounded up — the decay
    /// that brings bounds last decayed at step e up to date (row <see cref="Step"/> is zero).
    /// </summary>
    public float[] DecayTable { get; private set; } = [];

    /// <summary>
    /// Per point, the least of its bounds as last written (at its <see cref="Epoch"/>): decayed by the row's largest
    /// decay (<see cref="MaxDecay"/>) it bounds every decayed unit from below, so one float can clear a row whose
    /// bounds all exceed <c>u</c> without reading them (Yinyang's global filter).
    /// </summary>
    public float[] GlobalBound { get; }

    /// <summary>Per epoch e, the largest decay of row e of <see cref="DecayTable"/>.</summary>
    public float[] MaxDecay { get; private set; } = [];

    /// <summary>The decay of row e of <see cref="DecayTable"/>.</summary>
    public ReadOnlySpan<float> DecaySince(int epoch) => DecayTable.AsSpan(epoch * Stride, Stride);

    private double[] _cumulativeDrift = [];

    /// <summary>Forgets the bounds: the next step computes every distance.</summary>
    public void Invalidate() => Valid = false;

    /// <summary>Takes the step's centroids (row-major, original order): groups them when starting afresh, packs the panel, and measures the drift.</summary>
    public void Prepare(ReadOnlySpan<float> centroids)
    {
        int k = ClusterCount, d = Dimensions;
        if (!Valid)
        {
            Order = CentroidGrouping.Order(centroids, k, d, Width);
            Position = new int[k];
            for (int p = 0; p < k; p++)
                Position[Order[p]] = p;
        }
        double maxNorm = 0;
        for (int p = 0; p < k; p++)
        {
            var source = centroids.Slice(Order[p] * d, d);
            source.CopyTo(PermutedRows.AsSpan(p * d, d));
            double norm = 0;
            foreach (float v in source)
                norm += (double)v * v;
            maxNorm = Math.Max(maxNorm, norm);
        }
        MaxNorm = maxNorm * (1 + PruningMargin.Slack);
        Panel.Pack(PermutedRows, k, d);
        MeasureDrift(centroids);
        AccumulateDrift();
        MeasureSeparation();
    }

    /// <summary>
    /// Adds this step's drift to the running totals (double) and derives <see cref="DecayTable"/>: the difference of
    /// two totals, scaled up by the slack plus an absolute term for the totals' own rounding, is at least the sum of
    /// the drifts in between, so every decayed bound stays a lower bound (triangle inequality, one step at a time).
    /// </summary>
    private void AccumulateDrift()
    {
        int stride = Stride;
        Step = Valid ? Step + 1 : 0;
        if (_cumulativeDrift.Length < (Step + 1) * stride)
            Array.Resize(ref _cumulativeDrift, Math.Max(2 * _cumulativeDrift.Length, (Step + 1) * stride));
        var now = _cumulativeDrift.AsSpan(Step * stride, stride);
        for (int u = 0; u < stride; u++)
            now[u] = Step == 0 ? 0 : _cumulativeDrift[(Step - 1) * stride + u] + UnitDrift[u];
        if (DecayTable.Length < (Step + 1) * stride)
        {
            DecayTable = new float[Math.Max(2 * DecayTable.Length, (Step + 1) * stride)];
            MaxDecay = new float[DecayTable.Length / stride];
        }
        for (int e = 0; e <= Step; e++)
        {
            float largest = 0f;
            for (int u = 0; u < stride; u++)
            {
                double moved = now[u] - _cumulativeDrift[e * stride + u];
                float decay = e == Step ? 0f : (float)(moved * (1 + PruningMargin.Slack) + now[u] * PruningMargin.TotalSlack);
                DecayTable[e * stride + u] = decay;
                largest = Math.Max(largest, decay);
            }
            MaxDecay[e] = largest;
        }
    }

    /// <summary>Records point i's bounds row as just written at this step: its epoch and its least bound.</summary>
    public void Wrote(int i, ReadOnlySpan<float> bounds)
    {
        Epoch[i] = Step;
        GlobalBound[i] = System.Numerics.Tensors.TensorPrimitives.Min(bounds);
    }

    /// <summary>Records that the bounds now refer to <paramref name="centroids"/> (the step completed).</summary>
    public void Commit(ReadOnlySpan<float> centroids)
    {
        centroids[..BoundCentroids.Length].CopyTo(BoundCentroids);
        Valid = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MeasureDrift(ReadOnlySpan<float> centroids)
    {
        Array.Clear(UnitDrift);
        if (!Valid)
            return;
        int d = Dimensions;
        for (int p = 0; p < ClusterCount; p++)
        {
            int c = Order[p];
            double squared = 0;
            for (int j = 0; j < d; j++)
            {
                double delta = (double)centroids[c * d + j] - BoundCentroids[c * d + j];
                squared += delta * delta;
            }
            float drift = PruningMargin.RoundUp(Math.Sqrt(squared));
            int unit = Elkan ? p : p / Width;
            UnitDrift[unit] = Math.Max(UnitDrift[unit], drift);
        }
    }

    /// <summary>Centroid–centroid distances in double (k² · d, small beside a step's n · k · d).</summary>
    private void MeasureSeparation()
    {
        int k = ClusterCount, d = Dimensions;
        if (_separationRows.Length != k * d)
            _separationRows = new double[k * d];
        var rows = _separationRows;
        for (int i = 0; i < rows.Length; i++)
            rows[i] = PermutedRows[i];
        int tasks = (k + SeparationRowsPerTask - 1) / SeparationRowsPerTask;
        Parallel.For(0, tasks, task =>
        {
            int end = Math.Min(k, (task + 1) * SeparationRowsPerTask);
            var units = new double[Stride];
            for (int p = task * SeparationRowsPerTask; p < end; p++)
                SeparationRow(p, rows, units);
        });
    }

    /// <summary>Centroids per task of <see cref="MeasureSeparation"/> (k · d each).</summary>
    private const int SeparationRowsPerTask = 16;

    private double[] _separationRows = [];

    /// <summary>
    /// Row <paramref name="p"/> of the centroid–centroid distances, and its nearest other centroid. Minima are taken on
    /// squared distances and rooted once per unit: the rounded-down root is monotonic, so the result is the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SeparationRow(int p, double[] rows, Span<double> units)
    {
        int k = ClusterCount, d = Dimensions, stride = Stride, lanes = Vector<double>.Count;
        var own = rows.AsSpan(p * d, d);
        double nearest = double.PositiveInfinity;
        units.Fill(double.PositiveInfinity);   // the centroid itself, empty groups and padding units bound nothing
        for (int q = 0; q < k; q++)
        {
            if (q == p)
                continue;
            var other = rows.AsSpan(q * d, d);
            var sum = Vector<double>.Zero;
            int j = 0;
            for (; j + lanes <= d; j += lanes)
            {
                var delta = new Vector<double>(own[j..]) - new Vector<double>(other[j..]);
                sum += delta * delta;
            }
            double squared = Vector.Sum(sum);
            for (; j < d; j++)
                squared += (own[j] - other[j]) * (own[j] - other[j]);
            nearest = Math.Min(nearest, squared);
            int unit = Elkan ? q : q / Width;
            units[unit] = Math.Min(units[unit], squared);
        }
        var target = Elkan ? CentroidDistances.AsSpan(p * stride, stride) : GroupSeparation.AsSpan(p * stride, stride);
        for (int u = 0; u < stride; u++)
            target[u] = PruningMargin.RoundDown(Math.Sqrt(units[u]));
        float separation = PruningMargin.RoundDown(Math.Sqrt(nearest));
        Separation[p] = separation;
        HalfSeparationSquared[p] = (double)separation * separation / 4 * (1 - PruningMargin.Slack);
    }
}
