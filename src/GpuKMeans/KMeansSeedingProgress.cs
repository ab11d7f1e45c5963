namespace GpuKMeans;

/// <summary>
/// How far k-means++ seeding has got. A fit reports it when the <c>progress</c> object it is given also
/// implements <see cref="IProgress{T}"/> of this type (besides <see cref="IProgress{T}"/> of
/// <see cref="KMeansIterationStats"/>): once after each chosen centre, from the fitting thread. k-means‖
/// (<see cref="KMeansInitMethod.KMeansParallel"/>) reports the centres its final k-means++ chooses among the
/// candidates, with <see cref="Elapsed"/> counted from the start of its sampling rounds.
/// </summary>
/// <param name="Run">0-based index of the run being seeded (one per <see cref="KMeansOptions.InitCount"/>).</param>
/// <param name="CentresChosen">Centres chosen so far, 1 to <paramref name="ClusterCount"/>.</param>
/// <param name="ClusterCount">Number of centres to choose, <c>k</c>.</param>
/// <param name="Elapsed">Wall-clock time since this run's seeding began.</param>
public readonly record struct KMeansSeedingProgress(int Run, int CentresChosen, int ClusterCount, TimeSpan Elapsed);
