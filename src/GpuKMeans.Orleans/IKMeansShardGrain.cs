namespace GpuKMeans.Orleans;

/// <summary>
/// One row shard of one cluster fit, resident on its worker's device, answering the calls of the library's workspace
/// contract (Lloyd step, k-means++ seeding, distances) for its rows. Keyed <c>"{fit}/{shard}"</c>; placed by shard index
/// (<see cref="ShardPlacementAttribute"/>). Every method but <see cref="Load"/> fails with
/// <see cref="InvalidOperationException"/> on an activation that has not loaded its rows (one re-activated elsewhere
/// after its worker died), so a lost shard is never mistaken for an empty one.
/// </summary>
public interface IKMeansShardGrain : IGrainWithStringKey
{
    /// <summary>Reads the shard's rows from the file, conditions them and makes them resident; idempotent.</summary>
    [ResponseTimeout("01:00:00")]
    Task<ShardInfo> Load(ShardSpec spec);

    /// <summary>Starts the shard's state for a new fit (centroids, labels, closest distances).</summary>
    Task CreateWorkspace();

    /// <summary>Sets the centroids (row-major <c>k × d</c>, conditioned).</summary>
    Task SetCentroids(float[] centroids, int clusterCount);

    /// <summary>Forgets the previous labels.</summary>
    Task ResetLabels();

    /// <summary>Assigns the shard's points and returns their partial statistics.</summary>
    Task<ShardStatistics> AssignAndReduce();

    /// <summary>The shard's exact inertia of the last step.</summary>
    Task<double> ExactInertia();

    /// <summary>The labels of the last step.</summary>
    Task<int[]> CopyLabels();

    /// <summary>The squared distance of each point to its centroid in the last step.</summary>
    Task<float[]> CopyMinDistances();

    /// <summary>Rows of the shard (local indices), in that order, row-major.</summary>
    Task<float[]> CopyRows(int[] rows);

    /// <summary>Sets every closest distance to +∞.</summary>
    Task ResetClosest();

    /// <summary>Replaces every closest distance.</summary>
    Task SetClosest(float[] closest);

    /// <summary>Lowers the closest distances of local rows <c>[firstRow, firstRow + rowCount)</c> by the distance to <paramref name="centre"/>.</summary>
    Task UpdateClosest(float[] centre, int firstRow, int rowCount);

    /// <summary>
    /// One k-means++ pass over the shard: applies <paramref name="pending"/> (empty for none), then returns each
    /// candidate's potential per block of <paramref name="blockSize"/> points, candidate-major.
    /// </summary>
    Task<double[]> SeedingPass(float[] pending, float[] candidates, int blockSize);

    /// <summary>Closest distances of <paramref name="rowCount"/> points from local row <paramref name="firstRow"/>.</summary>
    Task<float[]> CopyClosest(int firstRow, int rowCount);

    /// <summary>Squared distances of local rows <c>[firstRow, firstRow + rowCount)</c> to every centroid, row-major.</summary>
    Task<float[]> ComputeDistances(int firstRow, int rowCount, int clusterCount);

    /// <summary>Distance sums of sampled local rows to each other by label (the silhouette).</summary>
    Task<double[]> ComputeClusterDistanceSums(int[] rows, int[] sampleLabels, int clusterCount);

    /// <summary>Ends the fit's state on the shard.</summary>
    Task DisposeWorkspace();

    /// <summary>Frees the shard's rows and deactivates it.</summary>
    Task Unload();
}
