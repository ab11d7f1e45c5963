using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace GpuKMeans.ML;

/// <summary>
/// An ML.NET estimator that clusters a float vector column of an <see cref="IDataView"/> with GpuKMeans (on the GPU
/// when there is one) and returns a <see cref="GpuKMeansTransformer"/> that writes <c>PredictedLabel</c> (a key,
/// 1-based) and <c>Score</c> (squared distances to every centroid) as ML.NET's <c>KMeansTrainer</c> does. Make one
/// with <see cref="GpuKMeansCatalog.GpuKMeans(ClusteringCatalog.ClusteringTrainers, string, int)"/>.
/// </summary>
public sealed class GpuKMeansEstimator : IEstimator<GpuKMeansTransformer>
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">The k-means options (<see cref="KMeansOptions.ClusterCount"/>, seed, backend, …).</param>
    /// <param name="featureColumnName">The known-size float vector column to cluster.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GpuKMeansEstimator(KMeansOptions options, string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(featureColumnName);
        Options = options;
        FeatureColumnName = featureColumnName;
    }

    /// <summary>The k-means options every fit uses.</summary>
    public KMeansOptions Options { get; }

    /// <summary>The column clustered.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Reads the feature column of every row, fits, and returns the transformer holding the model.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The column is missing or not a known-size float vector, or the data cannot be clustered
    /// (too few rows, NaN: the message names the row and slot).</exception>
    public GpuKMeansTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = FeatureColumn(input.Schema, FeatureColumnName);
        int d = ((VectorDataViewType)column.Type).Size;
        var values = new List<float>();
        using (var cursor = input.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var row = default(VBuffer<float>);
            var dense = new float[d];
            while (cursor.MoveNext())
            {
                getter(ref row);
                row.CopyTo(dense);
                values.AddRange(dense);
            }
        }
        float[] points = [.. values];
        using var kmeans = new KMeans(Options);
        var result = kmeans.Fit(points, d);
        var names = SlotNames(column, d);
        return new GpuKMeansTransformer(result.ToModel(Options, featureNames: names), FeatureColumnName);
    }

    /// <summary>The input schema plus <c>PredictedLabel</c> (key of <c>k</c>) and <c>Score</c> (vector of <c>k</c> floats).</summary>
    /// <exception cref="ArgumentException">The feature column is missing or not a float vector.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var column = inputSchema.FirstOrDefault(c => c.Name == FeatureColumnName);
        if (column.Name is null)
            throw new ArgumentException($"The input has no column '{FeatureColumnName}': name the float vector column to cluster.", nameof(inputSchema));
        if (column.Kind != SchemaShape.Column.VectorKind.Vector || !NumberDataViewType.Single.Equals(column.ItemType))
            throw new ArgumentException(
                $"Column '{FeatureColumnName}' is a {column.Kind} of {column.ItemType}, expected a known-size vector of Single: "
                + "concatenate the features with Transforms.Concatenate first.", nameof(inputSchema));
        return RowMapping.SchemaOnly(FeatureColumnName, Options.ClusterCount).GetOutputSchema(inputSchema);
    }

    /// <summary>The feature column, checked to be a known-size vector of Single.</summary>
    internal static DataViewSchema.Column FeatureColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"The input has no column '{name}': name the float vector column to cluster.", "input");
        if (column.Type is not VectorDataViewType { ItemType: var item, Size: > 0 } || item != NumberDataViewType.Single)
            throw new ArgumentException(
                $"Column '{name}' is {column.Type}, expected a known-size vector of Single: concatenate the features with Transforms.Concatenate first.",
                "input");
        return column;
    }

    private static string[]? SlotNames(DataViewSchema.Column column, int d)
    {
        if (!column.HasSlotNames())
            return null;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.GetSlotNames(ref names);
        var dense = names.DenseValues().Select(n => n.ToString()).ToArray();
        return dense.Length == d && dense.All(n => n.Length > 0) ? dense : null;
    }
}
