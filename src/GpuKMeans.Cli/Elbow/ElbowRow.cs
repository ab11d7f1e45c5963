namespace GpuKMeans.Cli.Elbow;

/// <summary>One k of an elbow sweep: the best run's inertia and iterations, and the wall-clock time of all its runs.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Inertia">Inertia of the best run (in scaled units when <c>--scale</c> is set).</param>
/// <param name="Iterations">Iterations of the best run.</param>
/// <param name="Converged">Whether the best run converged.</param>
/// <param name="Seconds">Time of the whole fit for this k (every run), not counting the silhouette.</param>
/// <param name="Silhouette">
/// Silhouette score of the best run (<c>--silhouette</c>), or <c>null</c> where it is undefined (k = 1, or fewer
/// than two clusters among the sampled rows) or was not asked for.
/// </param>
internal sealed record ElbowRow(int K, double Inertia, int Iterations, bool Converged, double Seconds, double? Silhouette = null);
