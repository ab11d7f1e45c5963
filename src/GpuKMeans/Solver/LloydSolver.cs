using System.Diagnostics;
using System.Runtime.InteropServices;
using GpuKMeans.Backends;
using GpuKMeans.Data;

namespace GpuKMeans.Solver;

/// <summary>
/// The Lloyd loop, written once for every backend (scikit-learn's <c>_kmeans_single_lloyd</c>): assign on
/// the device, reduce on the device, update centroids on the host; stop when no label changes or the
/// summed squared centroid shift is within tolerance; then assign once more so that the returned labels
/// and inertia belong to the returned centroids.
/// </summary>
internal sealed class LloydSolver
{
    private readonly IFitWorkspace _device;
    private readonly ReadOnlyMemory<float> _weights;
    private readonly int _maxIterations;
    private readonly double _absoluteTolerance;
    private readonly bool _recordHistory;
    private readonly Conditioning _conditioning;

    public LloydSolver(IFitWorkspace device, ReadOnlyMemory<float> weights, int maxIterations, double absoluteTolerance, bool recordHistory,
        Conditioning conditioning)
    {
        _conditioning = conditioning;
        _device = device;
        _weights = weights;
        _maxIterations = maxIterations;
        _absoluteTolerance = absoluteTolerance;
        _recordHistory = recordHistory;
    }

    public LloydRun Run(
        int run, float[] initialCentroids, IProgress<KMeansIterationStats>? progress, CancellationToken cancellationToken)
    {
        int k = initialCentroids.Length / _device.Dimensions;
        var stats = new List<KMeansIterationStats>();
        var history = new List<KMeansIterationSnapshot>();
        float[] centroids = initialCentroids;
        bool converged = false;
        int iteration = 0;
        _device.ResetLabels();

        while (iteration < _maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration++;
            long started = Stopwatch.GetTimestamp();
            _device.SetCentroids(centroids, k);
            var sums = _device.AssignAndReduce(cancellationToken);
            if (_recordHistory)
                history.Add(new KMeansIterationSnapshot(
                    iteration,
                    ImmutableCollectionsMarshal.AsImmutableArray(_conditioning.Restore(centroids, _device.Dimensions)),
                    ImmutableCollectionsMarshal.AsImmutableArray(DownloadLabels())));

            var (next, relocated) = CentroidUpdate.Compute(sums, centroids, _device, _weights.Span);
            double shift = CentroidUpdate.SquaredShift(centroids, next);
            centroids = next;
            var step = new KMeansIterationStats(
                run, iteration, _conditioning.RestoreSquared(sums.Inertia), _conditioning.RestoreSquared(shift),
                sums.LabelChangeCount, relocated, Stopwatch.GetElapsedTime(started))
            {
                SkippedDistanceCount = sums.SkippedDistanceCount,
            };
            stats.Add(step);
            progress?.Report(step);

            if (sums.LabelChangeCount == 0 || shift <= _absoluteTolerance)
            {
                converged = true;
                break;
            }
        }

        // Final E-step with the returned centroids: those in the caller's units, conditioned again, so that the
        // labels and inertia belong to exactly the centroids returned (which were rounded on the way back).
        var returned = _conditioning.Restore(centroids, _device.Dimensions);
        _device.SetCentroids(_conditioning.IsNone ? returned : _conditioning.Apply(returned, _device.Dimensions), k);
        _device.AssignAndReduce(cancellationToken);
        double inertia = _conditioning.RestoreSquared(_device.ExactInertia());
        return new LloydRun(returned, DownloadLabels(), inertia, iteration, converged, stats, history);
    }

    private int[] DownloadLabels()
    {
        var labels = new int[_device.Count];
        _device.CopyLabels(labels);
        return labels;
    }
}
