namespace GpuKMeans.Backends;

/// <summary>What one reduction over the labelled points gives the solver.</summary>
/// <param name="Sums">Row-major <c>k × d</c> weighted coordinate sums, per cluster.</param>
/// <param name="Weights">Total sample weight of each cluster (its size when unweighted).</param>
/// <param name="Inertia">Σ wᵢ · (squared distance of point i to its centroid).</param>
/// <param name="LabelChangeCount">Points whose label differs from the previous assignment's.</param>
internal sealed record ClusterSums(double[] Sums, double[] Weights, double Inertia, long LabelChangeCount);
