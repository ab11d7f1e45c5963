using GpuKMeans.Backends;
using GpuKMeans.Init;

namespace GpuKMeans.Solver;

/// <summary>
/// A whole fit, the same for every backend (scikit-learn's <c>KMeans.fit</c>): the tolerance scaled by the
/// data's mean feature variance, <see cref="KMeansOptions.EffectiveInitCount"/> runs from the chosen
/// initialiser, and the run with the lowest inertia kept (the first on ties). The cancellation token is checked
/// before every run, every k-means++ centre, every k-means‖ round and every Lloyd iteration; a progress object that
/// also implements <see cref="IProgress{T}"/> of <see cref="KMeansSeedingProgress"/> hears of every k-means++ centre
/// (for k-means‖, of the centres its final k-means++ chooses from the candidates). Each fit works in a workspace
/// of its own, so fits on one dataset may run on several threads.
/// </summary>
internal static class KMeansSolver
{
    public static KMeansResult Fit(
        KMeansOptions options, FitInput input,
        IProgress<KMeansIterationStats>? progress, CancellationToken cancellationToken)
    {
        int k = options.ClusterCount;
        var init = options.EffectiveInit;
        var random = new Random(options.Seed ?? Random.Shared.Next());
        double tolerance = options.Tolerance == 0 ? 0 : input.MeanVariance * options.Tolerance;
        int runs = init == KMeansInitMethod.Explicit ? 1 : options.EffectiveInitCount;
        var weights = input.Weights.Span;
        var seedingProgress = progress as IProgress<KMeansSeedingProgress>;

        using var workspace = input.Resident.CreateWorkspace();
        (workspace as ILloydPruning)?.UseAlgorithm(options.Algorithm, k);
        var lloyd = new LloydSolver(workspace, input.Weights, options.MaxIterations, tolerance, options.RecordHistory, input.Conditioning);
        LloydRun? best = null;
        int bestRun = 0;
        for (int run = 0; run < runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            float[] start = init switch
            {
                KMeansInitMethod.Explicit => input.Conditioning.Apply(options.InitialCentroids!, input.Dimensions),
                KMeansInitMethod.RandomRows => RandomRowsInit.Choose(workspace, weights, k, random),
                KMeansInitMethod.KMeansParallel => KMeansParallelInit.Choose(
                    workspace, weights, k, options.EffectiveParallelInitOversampling, options.ParallelInitRounds, random,
                    cancellationToken, seedingProgress, run),
                _ => KMeansPlusPlusInit.Choose(workspace, weights, k, random, cancellationToken, seedingProgress, run),
            };
            var result = lloyd.Run(run, start, progress, cancellationToken);
            if (best is null || result.Inertia < best.Inertia)
            {
                best = result;
                bestRun = run;
            }
        }

        return new KMeansResult(
            k, input.Dimensions, best!.Centroids, best.Labels, best.Inertia, best.Iterations, best.Converged, bestRun,
            best.Stats, best.History, input.Backend.Name, input.Backend.DeviceName);
    }
}
