using GpuKMeans;
using GpuKMeans.ML;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace GpuKMeans.Tests.MlNet;

/// <summary>The same ML.NET pipeline with ML.NET's KMeansTrainer and with GpuKMeans: same clusters, same kind of columns.</summary>
public sealed class MlNetPipelineTests
{
    private const int Dimensions = 4;

    /// <summary>A row of the input data.</summary>
    public sealed class Point
    {
        /// <summary>The features.</summary>
        [VectorType(Dimensions)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>What both trainers add.</summary>
    public sealed class Prediction
    {
        /// <summary>1-based cluster.</summary>
        public uint PredictedLabel { get; set; }

        /// <summary>Squared distances to every centroid.</summary>
        public float[] Score { get; set; } = [];
    }

    /// <summary>Three well-separated Gaussian blobs in 4-D, 100 points each, rows interleaved.</summary>
    private static Point[] Blobs()
    {
        var random = new Random(11);
        float[][] centres = [[0, 0, 0, 0], [8, 8, 0, 0], [0, 8, 8, 8]];
        return [.. Enumerable.Range(0, 300).Select(i => new Point
        {
            Features = [.. centres[i % 3].Select(c => c + (float)(0.5 * Gaussian(random)))],
        })];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static (Prediction[] Rows, DataViewSchema Schema) Run(MLContext ml, IDataView data, IEstimator<ITransformer> trainer)
    {
        var pipeline = ml.Transforms.CopyColumns("Features", "Features").Append(trainer);
        var transformed = pipeline.Fit(data).Transform(data);
        return ([.. ml.Data.CreateEnumerable<Prediction>(transformed, reuseRowObject: false)], transformed.Schema);
    }

    [Fact]
    public void SamePipelineSameClustersAsKMeansTrainer()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(Blobs());

        var (theirs, theirSchema) = Run(ml, data, ml.Clustering.Trainers.KMeans("Features", numberOfClusters: 3));
        var (ours, ourSchema) = Run(ml, data, ml.Clustering.Trainers.GpuKMeans(
            new KMeansOptions { ClusterCount = 3, Seed = 0, Backend = KMeansBackend.Cpu }));

        foreach (var name in new[] { "PredictedLabel", "Score" })
            Assert.Equal(theirSchema[name].Type, ourSchema[name].Type);
        Assert.Equal(new KeyDataViewType(typeof(uint), 3), ourSchema["PredictedLabel"].Type);

        // One-to-one map from ML.NET's labels to ours, the same for every row.
        var map = new Dictionary<uint, uint>();
        for (int i = 0; i < theirs.Length; i++)
        {
            Assert.InRange(ours[i].PredictedLabel, 1u, 3u);
            if (!map.TryAdd(theirs[i].PredictedLabel, ours[i].PredictedLabel))
                Assert.Equal(map[theirs[i].PredictedLabel], ours[i].PredictedLabel);
        }
        Assert.Equal(3, map.Values.Distinct().Count());

        // The same squared distances, column for matched column, up to the small differences of two solvers.
        for (int i = 0; i < theirs.Length; i++)
        {
            Assert.Equal(ours[i].Score.Min(), ours[i].Score[ours[i].PredictedLabel - 1]);
            foreach (var (their, our) in map)
            {
                float expected = theirs[i].Score[their - 1], actual = ours[i].Score[our - 1];
                Assert.True(Math.Abs(expected - actual) <= 0.05 + 0.01 * expected,
                    $"row {i}, cluster {their}→{our}: ML.NET {expected}, GpuKMeans {actual}");
            }
        }
    }

    [Fact]
    public void FittedModelIsReachableAndSavesAsAKMeansModel()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(Blobs());
        var estimator = ml.Clustering.Trainers.GpuKMeans(new KMeansOptions { ClusterCount = 3, Seed = 1, Backend = KMeansBackend.Cpu });

        var transformer = estimator.Fit(data);

        Assert.Equal(["Features", "PredictedLabel", "Score"], transformer.GetOutputSchema(data.Schema).Select(c => c.Name));
        Assert.Equal(3, transformer.Model.ClusterCount);
        Assert.Equal(Dimensions, transformer.Model.Dimensions);
        Assert.Equal(300, transformer.Model.TrainingRowCount);
        var rows = ml.Data.CreateEnumerable<Prediction>(transformer.Transform(data), reuseRowObject: false).ToArray();
        float[] flat = [.. Blobs().SelectMany(p => p.Features)];
        Assert.Equal(transformer.Model.Predict(flat), rows.Select(r => (int)r.PredictedLabel - 1));
        Assert.Throws<NotSupportedException>(() => ml.Model.Save(transformer, data.Schema, new MemoryStream()));
    }

    [Fact]
    public void AMissingOrWrongColumnIsNamed()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(Blobs());
        var missing = Assert.Throws<ArgumentException>(() => ml.Clustering.Trainers.GpuKMeans("Pixels", 3).Fit(data));
        Assert.Contains("no column 'Pixels'", missing.Message);

        var model = KMeansModel.FromCentroids([0, 0, 1, 1], 2);
        var wrongWidth = Assert.Throws<ArgumentException>(() => new GpuKMeansTransformer(model).Transform(data));
        Assert.Contains("'Features' has 4 values per row but the model was fitted on 2", wrongWidth.Message);
    }
}
