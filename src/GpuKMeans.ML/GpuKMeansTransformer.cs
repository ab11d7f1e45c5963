using Microsoft.ML;
using Microsoft.ML.Data;

namespace GpuKMeans.ML;

/// <summary>
/// The fitted side of <see cref="GpuKMeansEstimator"/>: a row-to-row mapping that adds <c>PredictedLabel</c> (key
/// type of <c>k</c> values, 1-based as ML.NET's <c>KMeansTrainer</c>) and <c>Score</c> (the squared Euclidean distance
/// to each centroid) to every row. <see cref="Model"/> is the <see cref="KMeansModel"/> underneath: save it with
/// <see cref="KMeansModel.Save(string)"/>.
/// </summary>
public sealed class GpuKMeansTransformer : ITransformer
{
    /// <summary>The name of the label column, as ML.NET's trainers write it.</summary>
    public const string PredictedLabelColumnName = "PredictedLabel";

    /// <summary>The name of the distances column, as ML.NET's trainers write it.</summary>
    public const string ScoreColumnName = "Score";

    private readonly ITransformer _mapping;

    /// <summary>A transformer applying <paramref name="model"/> to <paramref name="featureColumnName"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GpuKMeansTransformer(KMeansModel model, string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(featureColumnName);
        Model = model;
        FeatureColumnName = featureColumnName;
        _mapping = RowMapping.Create(model, featureColumnName);
    }

    /// <summary>The fitted model.</summary>
    public KMeansModel Model { get; }

    /// <summary>The column read.</summary>
    public string FeatureColumnName { get; }

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _mapping.GetOutputSchema(Checked(inputSchema));

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _mapping.GetRowToRowMapper(Checked(inputSchema));

    /// <summary>Adds <c>PredictedLabel</c> and <c>Score</c> to <paramref name="input"/> (lazily, row by row).</summary>
    /// <exception cref="ArgumentException">The feature column is missing or has another width than the model.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Checked(input.Schema);
        return _mapping.Transform(input);
    }

    /// <summary>ML.NET's zip format is not supported: save <see cref="Model"/> with <see cref="KMeansModel.Save(string)"/> instead.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException(
            "GpuKMeansTransformer cannot be saved in ML.NET's model format: save transformer.Model with KMeansModel.Save(path), "
            + "and rebuild with new GpuKMeansTransformer(KMeansModel.Load(path)).");

    private DataViewSchema Checked(DataViewSchema schema)
    {
        var column = GpuKMeansEstimator.FeatureColumn(schema, FeatureColumnName);
        int width = ((VectorDataViewType)column.Type).Size;
        if (width != Model.Dimensions)
            throw new ArgumentException(
                $"Column '{FeatureColumnName}' has {width} values per row but the model was fitted on {Model.Dimensions}.", "input");
        return schema;
    }
}
