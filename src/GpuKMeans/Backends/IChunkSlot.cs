namespace GpuKMeans.Backends;

/// <summary>
/// Device memory for a fixed number of rows whose points are replaced chunk after chunk: what a streamed fit
/// works in when the data exceed the device's memory budget. Made by <see cref="IKMeansBackend.CreateChunkSlot"/>.
/// </summary>
internal interface IChunkSlot : IDisposable
{
    /// <summary>Rows the slot holds (a chunk with fewer is padded with zero rows of weight 0).</summary>
    int Rows { get; }

    /// <summary>The workspace over the slot's current rows; its per-point state belongs to whichever chunk was loaded last.</summary>
    IFitWorkspace Workspace { get; }

    /// <summary>
    /// Replaces the slot's points and weights by <paramref name="points"/> (at most <see cref="Rows"/> rows) and
    /// <paramref name="weights"/> (empty = all 1); the rows after them get zero coordinates and weight 0. Returns
    /// when the points are on the device. May run on another thread than the workspace's calls, but never during one.
    /// </summary>
    void Load(ReadOnlySpan<float> points, ReadOnlySpan<float> weights);
}
