using System.Collections.Immutable;

namespace GpuKMeans;

/// <summary>
/// The state of one iteration, recorded when <see cref="KMeansOptions.RecordHistory"/> is set: the
/// centroids the points were assigned to, and the labels that assignment gave.
/// </summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="Centroids">Row-major <c>k × d</c> centroids used for this iteration's assignment.</param>
/// <param name="Labels">The label of every point under those centroids.</param>
public sealed record KMeansIterationSnapshot(int Iteration, ImmutableArray<float> Centroids, ImmutableArray<int> Labels);
