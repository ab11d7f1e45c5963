using System.Collections;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GpuKMeans.Benchmarks;

/// <summary>
/// ML.NET's <see cref="KMeansTrainer"/> as every benchmark here runs it: the points as an in-memory
/// <see cref="IDataView"/> whose passes are counted, random initial centroids (k rows of the data, so the
/// initialisation is one cheap pass), all cores, and convergence switched off so that it runs the number of
/// iterations it is given. Used by <see cref="CpuVersusMlNetBenchmarks"/> and <see cref="MlNetIteration"/>.
/// </summary>
internal sealed class MlNetKMeans
{
    private readonly CountingRows _rows;
    private readonly IDataView _dataView;

    /// <param name="points">Row-major n × <paramref name="dimensions"/> values.</param>
    public MlNetKMeans(float[] points, int dimensions)
    {
        _rows = new CountingRows(points, dimensions);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimensions);
        _dataView = new MLContext(seed: 1).Data.LoadFromEnumerable(_rows, schema);
    }

    /// <summary>The initialisation ML.NET is run with: random rows (its default, KMeansYinyang, is k-means|| and costs passes).</summary>
    public const KMeansTrainer.InitializationAlgorithm Initialization = KMeansTrainer.InitializationAlgorithm.Random;

    /// <summary>Passes over the data since this object was made (each Lloyd iteration is one, the initialisation some more).</summary>
    public long Passes => Interlocked.Read(ref _rows.Enumerations);

    /// <summary>
    /// One fit of at most <paramref name="iterations"/> iterations with <c>NumberOfThreads</c> = all cores. Each fit gets a new
    /// <see cref="MLContext"/> with the same seed, so every fit starts from the same random rows.
    /// </summary>
    public KMeansModelParameters Fit(int k, int iterations)
    {
        var context = new MLContext(seed: 1);
        var trainer = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            NumberOfClusters = k,
            InitializationAlgorithm = Initialization,
            MaximumNumberOfIterations = iterations,
            OptimizationTolerance = 1e-30f,   // must be positive; no real change in score is this small
            NumberOfThreads = Environment.ProcessorCount,
        });
        return trainer.Fit(_dataView).Model;
    }

    /// <summary>
    /// How many Lloyd iterations a fit of <paramref name="iterations"/> runs beyond a fit of 1, from their passes over the data
    /// (ML.NET stops early when the average score changes by less than OptimizationTolerance, and does not say so).
    /// </summary>
    public long ExtraIterations(int k, int iterations) => TimedFit(k, iterations).Passes - TimedFit(k, 1).Passes;

    /// <summary><see cref="Fit"/>, timed, with the passes over the data it made.</summary>
    public (TimeSpan Elapsed, long Passes) TimedFit(int k, int iterations)
    {
        long before = Passes;
        long started = Stopwatch.GetTimestamp();
        Fit(k, iterations);
        return (Stopwatch.GetElapsedTime(started), Passes - before);
    }

    /// <summary>One ML.NET row: a vector of d floats (the size is set in the schema).</summary>
    public sealed class Row
    {
        public float[] Features { get; set; } = [];
    }

    /// <summary>The rows as ML.NET enumerates them, counting the enumerations (one per pass over the data).</summary>
    private sealed class CountingRows(float[] points, int dimensions) : IEnumerable<Row>
    {
        private readonly Row[] _rows = Enumerable.Range(0, points.Length / dimensions)
            .Select(i => new Row { Features = points.AsSpan(i * dimensions, dimensions).ToArray() })
            .ToArray();

        public long Enumerations;

        public IEnumerator<Row> GetEnumerator()
        {
            Interlocked.Increment(ref Enumerations);
            return ((IEnumerable<Row>)_rows).GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
