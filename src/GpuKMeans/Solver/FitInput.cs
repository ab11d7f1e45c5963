using GpuKMeans.Backends;
using GpuKMeans.Data;

namespace GpuKMeans.Solver;

/// <summary>
/// Everything a fit reads, immutable: the resident points, a host copy of their weights (for the
/// initialisers' draws and the empty-cluster relocation) and the data's mean feature variance (which scales
/// <see cref="KMeansOptions.Tolerance"/>). Shared by every fit on a <see cref="KMeansDataset"/>.
/// </summary>
internal sealed class FitInput : IDisposable
{
    private FitInput(IKMeansBackend backend, IResidentPoints resident, float[] weights, double meanVariance, Conditioning conditioning)
    {
        Backend = backend;
        Conditioning = conditioning;
        Resident = resident;
        Weights = weights;
        MeanVariance = meanVariance;
    }

    /// <summary>The backend that holds the points (named in the result).</summary>
    public IKMeansBackend Backend { get; }

    /// <summary>The points are resident in conditioned form (<see cref="Data.Conditioning"/>); results map back through it.</summary>
    public Conditioning Conditioning { get; }

    public IResidentPoints Resident { get; }

    /// <summary>One weight per point, or empty when every weight is 1.</summary>
    public ReadOnlyMemory<float> Weights { get; }

    /// <summary>scikit-learn's <c>np.mean(np.var(X, axis=0))</c>, of the conditioned points (the space the solver works in).</summary>
    public double MeanVariance { get; }

    public int Count => Resident.Count;

    public int Dimensions => Resident.Dimensions;

    /// <summary>
    /// Points already placed (e.g. shards held by remote workers, <see cref="Backends.Sharding.ShardedResidentPoints"/>),
    /// with the host-side facts a fit needs about them.
    /// </summary>
    public static FitInput Over(IKMeansBackend backend, IResidentPoints resident, float[] weights, double meanVariance, Conditioning conditioning) =>
        new(backend, resident, weights, meanVariance, conditioning);

    /// <summary>
    /// Copies already-validated points and weights to <paramref name="backend"/>: resident where they fit
    /// <paramref name="memoryBudget"/> bytes of device memory (null: the device's default), else streamed (<see cref="Residency"/>).
    /// </summary>
    public static FitInput Upload(
        IKMeansBackend backend, ReadOnlySpan<float> points, int dimensions, ReadOnlySpan<float> weights, long? memoryBudget = null)
    {
        var conditioning = Conditioning.Choose(points, dimensions, weights);
        var conditioned = conditioning.IsNone ? points : conditioning.Apply(points, dimensions);
        double meanVariance = FeatureStatistics.MeanVariance(conditioned, dimensions);
        var resident = Residency.Upload(backend, conditioned, dimensions, weights, memoryBudget);
        return new FitInput(backend, resident, weights.ToArray(), meanVariance, conditioning);
    }

    /// <summary>
    /// The same from already-validated points read chunk by chunk (a file larger than memory): the statistics are
    /// accumulated chunk by chunk in row order, and the points are conditioned as each chunk is read.
    /// </summary>
    public static FitInput Upload(IKMeansBackend backend, IPointSource source, float[] weights, long? memoryBudget)
    {
        var (conditioning, conditioned, meanVariance) = HostFacts(source, weights);
        var resident = Residency.Upload(backend, conditioned, weights, memoryBudget);
        return new FitInput(backend, resident, weights, meanVariance, conditioning);
    }

    /// <summary>
    /// What the host must know of points read from <paramref name="source"/> before they are placed: the conditioning,
    /// the source as conditioned, and the mean variance of the conditioned points. <see cref="Upload(IKMeansBackend, IPointSource, float[], long?)"/>
    /// and a coordinator of remote shards (<see cref="Over"/>) both compute them here, so their fits agree bit for bit.
    /// </summary>
    public static (Conditioning Conditioning, IPointSource Conditioned, double MeanVariance) HostFacts(IPointSource source, float[] weights)
    {
        var conditioning = Conditioning.Choose(source, weights);
        IPointSource conditioned = conditioning.IsNone ? source : new ConditionedPointSource(source, conditioning);
        return (conditioning, conditioned, FeatureStatistics.MeanVariance(conditioned));
    }

    public void Dispose() => Resident.Dispose();
}
