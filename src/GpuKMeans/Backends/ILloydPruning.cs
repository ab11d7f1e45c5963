namespace GpuKMeans.Backends;

/// <summary>
/// A workspace whose <see cref="ILloydStep.AssignAndReduce"/> can skip distances by exact pruning (Elkan,
/// Yinyang) while returning Lloyd's labels. Workspaces without it always run <see cref="KMeansAlgorithm.Lloyd"/>.
/// </summary>
internal interface ILloydPruning
{
    /// <summary>
    /// Chooses how the following steps assign points (resolving <see cref="KMeansAlgorithm.Auto"/> for
    /// <paramref name="clusterCount"/> clusters). Bounds start afresh at the next step.
    /// </summary>
    void UseAlgorithm(KMeansAlgorithm algorithm, int clusterCount);
}
