namespace GpuKMeans.Solver;

/// <summary>
/// scikit-learn 1.2's <c>_mini_batch_convergence</c>: the batch inertia per row, smoothed by an exponentially weighted
/// average with <c>α = min(1, 2·batch / (n + 1))</c> (the first step is ignored: its inertia is the initialisation's),
/// stops the fit after <c>MaxNoImprovement</c> consecutive steps without a new minimum; a step whose summed squared
/// centroid shift is within the (variance-scaled) tolerance stops it too, when the tolerance is positive.
/// </summary>
internal sealed class MiniBatchStopping
{
    private readonly int _batchRows;
    private readonly double _alpha;
    private readonly double _tolerance;
    private readonly int? _maxNoImprovement;
    private double? _smoothed;
    private double _smoothedMin = double.PositiveInfinity;
    private int _noImprovement;

    public MiniBatchStopping(int batchRows, int pointCount, double absoluteTolerance, int? maxNoImprovement)
    {
        _batchRows = batchRows;
        _alpha = Math.Min(1.0, batchRows * 2.0 / (pointCount + 1.0));
        _tolerance = absoluteTolerance;
        _maxNoImprovement = maxNoImprovement;
    }

    /// <summary>Whether the fit stops after step <paramref name="step"/> (1-based) with this batch inertia and centroid shift.</summary>
    public bool ShouldStop(long step, double batchInertia, double squaredShift)
    {
        if (step == 1)
            return false;
        double perRow = batchInertia / _batchRows;
        _smoothed = _smoothed is double previous ? previous * (1 - _alpha) + perRow * _alpha : perRow;
        if (_tolerance > 0 && squaredShift <= _tolerance)
            return true;
        if (_smoothed.Value < _smoothedMin)
        {
            _noImprovement = 0;
            _smoothedMin = _smoothed.Value;
        }
        else
        {
            _noImprovement++;
        }
        return _maxNoImprovement is int limit && _noImprovement >= limit;
    }
}
