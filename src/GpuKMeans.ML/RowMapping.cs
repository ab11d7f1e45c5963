using Microsoft.ML;
using Microsoft.ML.Data;

namespace GpuKMeans.ML;

/// <summary>
/// The per-row mapping behind <see cref="GpuKMeansTransformer"/>: an ML.NET custom mapping from the feature vector to
/// <see cref="KMeansModel.ScoreRow"/>'s nearest centroid (as a 1-based key) and squared distances.
/// </summary>
internal static class RowMapping
{
    /// <summary>The input row: the feature vector.</summary>
    public sealed class FeatureRow
    {
        /// <summary>The features (renamed to the estimator's column by the schema definition).</summary>
        public float[] Features = [];
    }

    /// <summary>The output row.</summary>
    public sealed class ClusterRow
    {
        /// <summary>
        /// Nearest centroid, 0-based: a custom mapping stores a key field of a class as value + 1 (0 is a key's
        /// missing value), so readers see 1..k as from ML.NET's KMeansTrainer.
        /// </summary>
        public uint PredictedLabel;

        /// <summary>Squared distance to every centroid.</summary>
        public float[] Score = [];
    }

    /// <summary>A fitted custom-mapping transformer applying <paramref name="model"/> to <paramref name="featureColumnName"/>.</summary>
    public static ITransformer Create(KMeansModel model, string featureColumnName)
    {
        var context = new MLContext();
        int k = model.ClusterCount;
        var estimator = Estimator(context, featureColumnName, model.Dimensions, k, (features, result) =>
        {
            result.Score = new float[k];
            result.PredictedLabel = (uint)model.ScoreRow(features.Features, result.Score);
        });
        // A custom mapping learns nothing: fitting on an empty view of the right schema only builds the transformer.
        return estimator.Fit(context.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), InputDefinition(featureColumnName, model.Dimensions)));
    }

    /// <summary>An estimator whose only use is <see cref="IEstimator{T}.GetOutputSchema"/> before a fit (any width, <paramref name="clusterCount"/> clusters).</summary>
    public static IEstimator<ITransformer> SchemaOnly(string featureColumnName, int clusterCount) =>
        Estimator(new MLContext(), featureColumnName, 0, clusterCount, (_, _) => throw new InvalidOperationException("Fit the estimator first."));

    private static IEstimator<ITransformer> Estimator(
        MLContext context, string featureColumnName, int dimensions, int clusterCount, Action<FeatureRow, ClusterRow> map)
    {
        var output = SchemaDefinition.Create(typeof(ClusterRow));
        output[nameof(ClusterRow.PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), clusterCount);
        output[nameof(ClusterRow.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, clusterCount);
        return context.Transforms.CustomMapping(map, contractName: null, InputDefinition(featureColumnName, dimensions), output);
    }

    /// <summary>The feature column under its real name, of <paramref name="dimensions"/> floats (0: any).</summary>
    private static SchemaDefinition InputDefinition(string featureColumnName, int dimensions)
    {
        var input = SchemaDefinition.Create(typeof(FeatureRow));
        input[nameof(FeatureRow.Features)].ColumnName = featureColumnName;
        input[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        return input;
    }
}
