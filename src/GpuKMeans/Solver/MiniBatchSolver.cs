using System.Diagnostics;
using GpuKMeans.Backends;
using GpuKMeans.Init;

namespace GpuKMeans.Solver;

/// <summary>
/// A mini-batch fit, the same for every backend (scikit-learn 1.2's <c>MiniBatchKMeans.fit</c>): the best of
/// <see cref="MiniBatchKMeansOptions.EffectiveInitCount"/> initialisations — each on its own sample of <c>init_size</c> rows,
/// judged by the inertia of one shared validation sample — then steps of <see cref="MiniBatchCentroids"/> on batches
/// drawn with replacement, until <see cref="MiniBatchStopping"/> says stop or <c>⌊max_iter · n / batch⌋</c> steps are
/// made, and a final assignment of every point to the returned centroids. Batches and samples are small resident sets
/// on the fit's backend (<see cref="BatchSampler"/>); the token is checked before every initialisation, k-means++
/// centre and step.
/// </summary>
internal static class MiniBatchSolver
{
    public static KMeansResult Fit(
        MiniBatchKMeansOptions options, FitInput input, IProgress<KMeansIterationStats>? progress, CancellationToken cancellationToken)
    {
        int n = input.Count, d = input.Dimensions, k = options.ClusterCount;
        int batchRows = options.EffectiveBatchSize(n);
        var random = new Random(options.Seed ?? Random.Shared.Next());
        double tolerance = options.Tolerance == 0 ? 0 : input.MeanVariance * options.Tolerance;

        using var full = input.Resident.CreateWorkspace();
        var sampler = new BatchSampler(full, input.Backend, input.Weights);
        var (start, bestRun) = ChooseInit(options, input, full, sampler, random, progress, cancellationToken);

        var state = new MiniBatchCentroids(start, d);
        var stopping = new MiniBatchStopping(batchRows, n, tolerance, options.MaxNoImprovement);
        var stats = new List<KMeansIterationStats>();
        long maxSteps = Math.Max(1, (long)options.MaxIterations * n / batchRows);
        long step = 0;
        bool converged = false;
        while (step < maxSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            step++;
            long started = Stopwatch.GetTimestamp();
            bool reassign = state.ReassignmentDue(batchRows) && options.ReassignmentRatio > 0;
            using var batch = sampler.Upload(sampler.Draw(random, batchRows));
            batch.Workspace.SetCentroids(state.Centroids, k);
            var sums = batch.Workspace.AssignAndReduce(cancellationToken);
            var before = state.Update(sums);
            int reassigned = reassign ? state.Reassign(options.ReassignmentRatio, batch.Values.Span, random) : 0;
            double shift = CentroidUpdate.SquaredShift(before, state.Centroids);
            var record = new KMeansIterationStats(
                bestRun, (int)Math.Min(step, int.MaxValue), input.Conditioning.RestoreSquared(sums.Inertia),
                input.Conditioning.RestoreSquared(shift), batchRows, reassigned, Stopwatch.GetElapsedTime(started));
            stats.Add(record);
            progress?.Report(record);
            if (stopping.ShouldStop(step, sums.Inertia, shift))
            {
                converged = true;
                break;
            }
        }

        var (centroids, labels, inertia) = FinalAssignment.Run(full, state.Centroids, k, input.Conditioning, cancellationToken);
        int epochs = (int)Math.Min(int.MaxValue, (step * batchRows + n - 1) / n);
        return new KMeansResult(
            k, d, centroids, labels, inertia, epochs, converged, bestRun, stats, [], input.Backend.Name, input.Backend.DeviceName);
    }

    /// <summary>
    /// The initial centroids: explicit ones, or the best of the initialisations by the inertia of a validation sample
    /// (drawn once, only when there is more than one to compare). Returns them with the index of the kept one.
    /// </summary>
    private static (float[] Centroids, int Run) ChooseInit(
        MiniBatchKMeansOptions options, FitInput input, IFitWorkspace full, BatchSampler sampler, Random random,
        IProgress<KMeansIterationStats>? progress, CancellationToken cancellationToken)
    {
        int n = input.Count, k = options.ClusterCount, runs = options.EffectiveInitCount;
        int initRows = options.EffectiveInitSize(n);
        var init = options.EffectiveInit;
        if (init == KMeansInitMethod.Explicit)
            return (input.Conditioning.Apply(options.InitialCentroids!, input.Dimensions), 0);

        var seedingProgress = progress as IProgress<KMeansSeedingProgress>;
        using var validation = runs > 1 ? sampler.Upload(sampler.Draw(random, initRows)) : null;
        float[]? best = null;
        double bestInertia = double.PositiveInfinity;
        int bestRun = 0;
        for (int run = 0; run < runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            float[] centroids;
            if (initRows < n)
            {
                using var sample = sampler.Upload(sampler.Draw(random, initRows));
                centroids = Seed(init, sample.Workspace, sample.Weights.Span, k, random, cancellationToken, seedingProgress, run);
            }
            else
            {
                centroids = Seed(init, full, input.Weights.Span, k, random, cancellationToken, seedingProgress, run);
            }
            if (validation is null)
                return (centroids, run);
            validation.Workspace.SetCentroids(centroids, k);
            validation.Workspace.AssignAndReduce(cancellationToken);
            double inertia = validation.Workspace.ExactInertia();
            if (best is null || inertia < bestInertia)
                (best, bestInertia, bestRun) = (centroids, inertia, run);
        }
        return (best!, bestRun);
    }

    private static float[] Seed(
        KMeansInitMethod init, IFitWorkspace rows, ReadOnlySpan<float> weights, int k, Random random,
        CancellationToken cancellationToken, IProgress<KMeansSeedingProgress>? progress, int run) =>
        init == KMeansInitMethod.RandomRows
            ? RandomRowsInit.Choose(rows, weights, k, random)
            : KMeansPlusPlusInit.Choose(rows, weights, k, random, cancellationToken, progress, run);
}
