using System.Runtime.CompilerServices;

namespace GpuKMeans.Backends.Ilgpu.Kernels.Tiled;

/// <summary>
/// A running argmin: the smallest partial distance ‖c‖² − 2x·c seen so far for one point and its centroid.
/// ‖x‖² is the same for every centroid of a point, so it is left out of the comparisons and added once at
/// the end.
/// </summary>
internal readonly struct BestPair
{
    /// <summary>The smallest partial distance (+∞ before any centroid).</summary>
    public readonly float Distance;

    /// <summary>Its centroid index.</summary>
    public readonly int Index;

    /// <summary>A pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BestPair(float distance, int index)
    {
        Distance = distance;
        Index = index;
    }

    /// <summary>
    /// Visits the thread's 8 centroids of one tile in increasing index order — lowIndex … lowIndex + 3, then
    /// highIndex … highIndex + 3 — keeping a strictly smaller one, so equal distances keep the lower index.
    /// Centroids past k carry a norm of +∞ and never win.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BestPair Scan(Vec8 dots, Vec8 norms, int lowIndex, int highIndex)
    {
        var best = this;
        best = best.Offer(norms.V0 - 2f * dots.V0, lowIndex);
        best = best.Offer(norms.V1 - 2f * dots.V1, lowIndex + 1);
        best = best.Offer(norms.V2 - 2f * dots.V2, lowIndex + 2);
        best = best.Offer(norms.V3 - 2f * dots.V3, lowIndex + 3);
        best = best.Offer(norms.V4 - 2f * dots.V4, highIndex);
        best = best.Offer(norms.V5 - 2f * dots.V5, highIndex + 1);
        best = best.Offer(norms.V6 - 2f * dots.V6, highIndex + 2);
        return best.Offer(norms.V7 - 2f * dots.V7, highIndex + 3);
    }

    /// <summary>This pair, or the candidate when its distance is strictly smaller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BestPair Offer(float distance, int index) => distance < Distance ? new BestPair(distance, index) : this;

    /// <summary>
    /// Merge of two partial bests over disjoint centroid sets: the smaller distance, and on equal distances
    /// the lower index, so the result is the lowest-index minimum whatever the merge order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BestPair Merge(float distance, int index) =>
        distance < Distance | (distance == Distance & index < Index) ? new BestPair(distance, index) : this;
}
