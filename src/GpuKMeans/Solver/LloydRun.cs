namespace GpuKMeans.Solver;

/// <summary>The outcome of one Lloyd run from one set of initial centroids.</summary>
internal sealed record LloydRun(
    float[] Centroids,
    int[] Labels,
    double Inertia,
    int Iterations,
    bool Converged,
    IReadOnlyList<KMeansIterationStats> Stats,
    IReadOnlyList<KMeansIterationSnapshot> History);
