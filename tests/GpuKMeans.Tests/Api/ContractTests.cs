using GpuKMeans;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>The API's promises: scikit-learn defaults, overload equivalence, Transform/Score/Predict meaning, history and progress.</summary>
public sealed class ContractTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KMeans Estimator(KMeansOptions options) => new(options, fixture.Device);

    /// <summary>Collects reports on the calling thread, in order (Progress&lt;T&gt; would post them asynchronously).</summary>
    private sealed class Recorder(Action<KMeansIterationStats>? onReport = null) : IProgress<KMeansIterationStats>
    {
        public List<KMeansIterationStats> Reports { get; } = [];

        public void Report(KMeansIterationStats value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    // ---------------------------------------------------------------- defaults

    [Fact]
    public void OptionDefaults_MatchScikitLearn()
    {
        var options = new KMeansOptions();
        Assert.Equal(8, options.ClusterCount);
        Assert.Equal(300, options.MaxIterations);
        Assert.Equal(1e-4, options.Tolerance);
        Assert.Equal(KMeansInitMethod.KMeansPlusPlus, options.Init);
        Assert.Null(options.InitCount);
        Assert.Null(options.InitialCentroids);
        Assert.Null(options.Seed);
        Assert.Equal(KMeansBackend.Auto, options.Backend);
        Assert.False(options.RecordHistory);
        Assert.Equal(KMeansInitMethod.KMeansPlusPlus, options.EffectiveInit);
        Assert.Equal(1, options.EffectiveInitCount);
    }

    [Fact]
    public void EffectiveInitCount_AutoDependsOnInit()
    {
        var options = new KMeansOptions();
        Assert.Equal(1, (options with { Init = KMeansInitMethod.KMeansPlusPlus }).EffectiveInitCount);
        Assert.Equal(10, (options with { Init = KMeansInitMethod.RandomRows }).EffectiveInitCount);
        Assert.Equal(1, (options with { Init = KMeansInitMethod.Explicit, InitialCentroids = new float[16] }).EffectiveInitCount);
        Assert.Equal(3, (options with { Init = KMeansInitMethod.RandomRows, InitCount = 3 }).EffectiveInitCount);
        Assert.Equal(4, (options with { InitCount = 4 }).EffectiveInitCount);
    }

    [Theory]
    [InlineData(KMeansInitMethod.KMeansPlusPlus)]
    [InlineData(KMeansInitMethod.RandomRows)]
    [InlineData(KMeansInitMethod.Explicit)]
    public void GivingInitialCentroids_MakesInitExplicit(KMeansInitMethod init)
    {
        var options = new KMeansOptions { Init = init, ClusterCount = 2, InitialCentroids = [0, 0, 1, 1] };
        Assert.Equal(KMeansInitMethod.Explicit, options.EffectiveInit);
        Assert.Equal(1, options.EffectiveInitCount);
    }

    [Fact]
    public void ExplicitCentroids_AreTheFirstIterationsCentroids_AndNotAliased()
    {
        float[] start = [0, 0, 20, 0];
        using var km = Estimator(ApiData.Options() with { InitialCentroids = start, RecordHistory = true });
        var result = km.Fit(ApiData.SixPoints, 2, cancellationToken: Ct);
        Assert.Equal(start, result.History[0].Centroids.ToArray());
        Assert.Equal([0f, 0, 20, 0], start); // the caller's array is not modified
        Assert.Equal(16, result.Inertia, 1e-9);
        Assert.Equal(0, result.Run);
    }

    // ---------------------------------------------------------------- overloads agree

    [Fact]
    public void FitPredict_EqualsFitLabels()
    {
        var data = ApiData.Blobs(20, seed: 3);
        foreach (var init in new[] { KMeansInitMethod.KMeansPlusPlus, KMeansInitMethod.RandomRows })
        {
            var options = ApiData.Options(k: 3, seed: 7) with { Init = init, InitCount = 2 };
            using var km = Estimator(options);
            var fitted = km.Fit(data, 2, cancellationToken: Ct).Labels.ToArray();
            Assert.Equal(fitted, km.FitPredict(data, 2));
            Assert.Equal(fitted, km.FitPredict(ApiData.ToMatrix(data, 2)));
            using var other = Estimator(options);
            Assert.Equal(fitted, other.FitPredict(data, 2));
        }
    }

    [Fact]
    public void MatrixAndSpanOverloads_GiveIdenticalResults()
    {
        var data = ApiData.Blobs(15, seed: 5);
        var matrix = ApiData.ToMatrix(data, 2);
        var weights = Enumerable.Range(0, 45).Select(i => 0.5f + i % 4).ToArray();
        using var km = Estimator(ApiData.Options(k: 3, seed: 11));

        var fromSpan = km.Fit(data, 2, weights, cancellationToken: Ct);
        var fromMatrix = km.Fit(matrix, weights, cancellationToken: Ct);
        Assert.Equal(fromSpan.Centroids.ToArray(), fromMatrix.Centroids.ToArray());
        Assert.Equal(fromSpan.Labels.ToArray(), fromMatrix.Labels.ToArray());
        Assert.Equal(fromSpan.Inertia, fromMatrix.Inertia);
        Assert.Equal(fromSpan.Iterations, fromMatrix.Iterations);
        Assert.Equal(fromSpan.Dimensions, fromMatrix.Dimensions);

        float[] query = [0.2f, -0.1f, 6.5f, 5.5f, -5.9f, 6.4f, 3, 3];
        var queryMatrix = ApiData.ToMatrix(query, 2);
        Assert.Equal(km.Predict(fromSpan, query), km.Predict(fromSpan, queryMatrix));
        Assert.Equal(km.Score(fromSpan, query), km.Score(fromSpan, queryMatrix));
        Assert.Equal(km.Score(fromSpan, query, [1, 2, 3, 4]), km.Score(fromSpan, queryMatrix, [1, 2, 3, 4]));

        var flat = km.Transform(fromSpan, query);
        var square = km.Transform(fromSpan, queryMatrix);
        Assert.Equal(4 * 3, flat.Length);
        Assert.Equal(4, square.GetLength(0));
        Assert.Equal(3, square.GetLength(1));
        for (int i = 0; i < 4; i++)
            for (int c = 0; c < 3; c++)
                Assert.Equal(flat[i * 3 + c], square[i, c]);
    }

    // ---------------------------------------------------------------- meaning of the results

    [Fact]
    public void SixPointExample_MatchesScikitLearn()
    {
        using var km = Estimator(ApiData.Options());
        var result = km.Fit(ApiData.SixPoints, 2, cancellationToken: Ct);
        Assert.Equal(2, result.ClusterCount);
        Assert.Equal(2, result.Dimensions);
        Assert.Equal(16, result.Inertia, 1e-9);
        Assert.True(result.Converged);
        Assert.Equal("CPU", result.BackendName);
        var centroids = Enumerable.Range(0, 2).Select(c => (result.GetCentroid(c)[0], result.GetCentroid(c)[1])).Order().ToArray();
        Assert.Equal([(1f, 2f), (10f, 2f)], centroids);
        Assert.Equal(result.Labels[0], result.Labels[1]);
        Assert.Equal(result.Labels[0], result.Labels[2]);
        Assert.Equal(result.Labels[3], result.Labels[4]);
        Assert.Equal(result.Labels[3], result.Labels[5]);
        Assert.NotEqual(result.Labels[0], result.Labels[3]);
        Assert.Equal([3, 3], result.GetClusterSizes());
    }

    [Fact]
    public void Transform_ReturnsEuclideanNotSquaredDistances()
    {
        using var km = Estimator(ApiData.Options());
        var model = km.Fit(ApiData.SixPoints, 2, cancellationToken: Ct);
        int left = model.GetCentroid(0)[0] == 1f ? 0 : 1; // the cluster whose centroid is (1, 2)
        int right = 1 - left;
        Assert.Equal([1f, 2f], model.GetCentroid(left).ToArray());
        Assert.Equal([10f, 2f], model.GetCentroid(right).ToArray());

        // (0, 0), (4, 6) and (13, 6) to (1, 2) and (10, 2), by hand:
        //   (0, 0):  √(1 + 4) = √5,      √(100 + 4) = √104
        //   (4, 6):  √(9 + 16) = 5,      √(36 + 16) = √52
        //   (13, 6): √(144 + 16) = √160, √(9 + 16) = 5
        float[] points = [0, 0, 4, 6, 13, 6];
        double[,] expected = { { Math.Sqrt(5), Math.Sqrt(104) }, { 5, Math.Sqrt(52) }, { Math.Sqrt(160), 5 } };
        var distances = km.Transform(model, points);
        Assert.Equal(3 * 2, distances.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i, 0], distances[i * 2 + left], 1e-5);
            Assert.Equal(expected[i, 1], distances[i * 2 + right], 1e-5);
        }

        var matrix = km.Transform(model, ApiData.ToMatrix(points, 2));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i, 0], matrix[i, left], 1e-5);
            Assert.Equal(expected[i, 1], matrix[i, right], 1e-5);
        }
    }

    [Fact]
    public void Transform_NearestColumnIsPredictedLabel()
    {
        var data = ApiData.Blobs(20, seed: 9);
        using var km = Estimator(ApiData.Options(k: 3, seed: 1));
        var model = km.Fit(data, 2, cancellationToken: Ct);
        var distances = km.Transform(model, data);
        var labels = km.Predict(model, data);
        for (int i = 0; i < labels.Length; i++)
        {
            var row = distances.AsSpan(i * 3, 3);
            Assert.Equal(row.IndexOf(MinOf(row)), labels[i]);
        }

        static float MinOf(ReadOnlySpan<float> values)
        {
            float min = float.PositiveInfinity;
            foreach (float v in values)
                min = Math.Min(min, v);
            return min;
        }
    }

    [Fact]
    public void Score_IsMinusInertiaOfFittedData()
    {
        var data = ApiData.Blobs(25, seed: 2);
        using var km = Estimator(ApiData.Options(k: 3, seed: 4));
        var model = km.Fit(data, 2, cancellationToken: Ct);
        Assert.True(model.Inertia > 0);
        Assert.Equal(-model.Inertia, km.Score(model, data), 1e-9 * model.Inertia);
        Assert.Equal(-model.Inertia, km.Score(model, ApiData.ToMatrix(data, 2)), 1e-9 * model.Inertia);

        // The six-point example by hand: every point is 2 away from its centroid, except the middle ones.
        using var six = Estimator(ApiData.Options());
        var sixModel = six.Fit(ApiData.SixPoints, 2, cancellationToken: Ct);
        Assert.Equal(-16, six.Score(sixModel, ApiData.SixPoints), 1e-9);
        Assert.Equal(-4 * 2 - 4 * 0.5, six.Score(sixModel, [1, 0, 1, 4, 10, 2], [2, 0.5f, 7]), 1e-9);
    }

    [Fact]
    public void WeightedScore_IsMinusWeightedInertia()
    {
        var data = ApiData.Blobs(10, seed: 8);
        var weights = Enumerable.Range(0, 30).Select(i => (float)(1 + i % 3)).ToArray();
        using var km = Estimator(ApiData.Options(k: 3, seed: 2));
        var model = km.Fit(data, 2, weights, cancellationToken: Ct);
        Assert.Equal(-model.Inertia, km.Score(model, data, weights), 1e-9 * model.Inertia);
    }

    [Fact]
    public void Predict_OnTrainingData_EqualsLabels()
    {
        var data = ApiData.Blobs(30, seed: 6);
        using var km = Estimator(ApiData.Options(k: 4, seed: 3) with { Init = KMeansInitMethod.RandomRows, InitCount = 3 });
        var model = km.Fit(data, 2, cancellationToken: Ct);
        Assert.Equal(model.Labels.ToArray(), km.Predict(model, data));
        Assert.Equal(model.Labels.ToArray(), km.Predict(model, ApiData.ToMatrix(data, 2)));
        Assert.Equal(90, model.Labels.Length);
    }

    [Fact]
    public void CentroidMatrix_MatchesCentroids()
    {
        var data = ApiData.Blobs(10, seed: 4);
        using var km = Estimator(ApiData.Options(k: 3, seed: 5));
        var model = km.Fit(data, 2, cancellationToken: Ct);
        var matrix = model.GetCentroidMatrix();
        Assert.Equal(3, matrix.GetLength(0));
        Assert.Equal(2, matrix.GetLength(1));
        Assert.Equal(3 * 2, model.Centroids.Length);
        for (int c = 0; c < 3; c++)
        {
            var centroid = model.GetCentroid(c);
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(model.Centroids[c * 2 + j], matrix[c, j]);
                Assert.Equal(model.Centroids[c * 2 + j], centroid[j]);
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => model.GetCentroid(3).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => model.GetCentroid(-1).ToArray());
    }

    // ---------------------------------------------------------------- history and progress

    [Fact]
    public void History_EmptyUnlessRecorded()
    {
        var data = ApiData.Blobs(10, seed: 1);
        using var km = Estimator(ApiData.Options(k: 3, seed: 2) with { InitialCentroids = [0, 0, 0.5f, 0.5f, 1, 1] });
        var result = km.Fit(data, 2, cancellationToken: Ct);
        Assert.Empty(result.History);
        Assert.True(result.Iterations > 1);
        Assert.Equal(result.Iterations, result.IterationStats.Count);
    }

    [Fact]
    public void History_HasOneSnapshotPerIteration()
    {
        var data = ApiData.Blobs(10, seed: 1);
        float[] start = [0, 0, 0.5f, 0.5f, 1, 1];
        using var km = Estimator(ApiData.Options(k: 3, seed: 2) with { InitialCentroids = start, RecordHistory = true });
        var result = km.Fit(data, 2, cancellationToken: Ct);
        Assert.True(result.Iterations > 1);
        Assert.Equal(result.Iterations, result.History.Count);
        Assert.Equal(result.Iterations, result.IterationStats.Count);
        for (int i = 0; i < result.History.Count; i++)
        {
            var snapshot = result.History[i];
            Assert.Equal(i + 1, snapshot.Iteration);
            Assert.Equal(3 * 2, snapshot.Centroids.Length);
            Assert.Equal(30, snapshot.Labels.Length);
            Assert.All(snapshot.Labels, label => Assert.InRange(label, 0, 2));
        }
        Assert.Equal(start, result.History[0].Centroids.ToArray());
        // Snapshots are copies: successive iterations moved the centroids.
        Assert.NotEqual(result.History[0].Centroids.ToArray(), result.History[1].Centroids.ToArray());
    }

    [Fact]
    public void Progress_ReportsEveryIterationOfEveryRun_InOrder()
    {
        var data = ApiData.Blobs(15, seed: 12);
        using var km = Estimator(ApiData.Options(k: 3, seed: 21) with { Init = KMeansInitMethod.RandomRows, InitCount = 3 });
        var recorder = new Recorder();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var result = km.Fit(data, 2, progress: recorder, cancellationToken: Ct);
        wall.Stop();

        var reports = recorder.Reports;
        Assert.NotEmpty(reports);
        Assert.Equal([0, 1, 2], reports.Select(r => r.Run).Distinct().ToArray());
        for (int i = 0; i < reports.Count; i++)
        {
            bool runStarts = i == 0 || reports[i].Run != reports[i - 1].Run;
            if (runStarts)
            {
                Assert.Equal(1, reports[i].Iteration);
                if (i > 0)
                    Assert.Equal(reports[i - 1].Run + 1, reports[i].Run);
            }
            else
            {
                Assert.Equal(reports[i - 1].Iteration + 1, reports[i].Iteration);
            }
            Assert.True(reports[i].Inertia >= 0);
            Assert.True(reports[i].Elapsed > TimeSpan.Zero, $"iteration {reports[i].Iteration} of run {reports[i].Run} reports no time");
        }
        // The iterations' times are parts of the fit: together they cannot exceed it.
        var total = reports.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed);
        Assert.True(total <= wall.Elapsed, $"iterations report {total} in a fit of {wall.Elapsed}");

        var kept = reports.Where(r => r.Run == result.Run).ToArray();
        Assert.Equal(result.Iterations, kept.Length);
        Assert.Equal(result.IterationStats.ToArray(), kept);
        foreach (var run in reports.GroupBy(r => r.Run))
            Assert.True(run.Count() <= km.Options.MaxIterations);
    }

    [Fact]
    public void Progress_SingleRun_OnePerIteration()
    {
        var data = ApiData.Blobs(10, seed: 1);
        using var km = Estimator(ApiData.Options(k: 3) with { InitialCentroids = [0, 0, 0.5f, 0.5f, 1, 1] });
        var recorder = new Recorder();
        var result = km.Fit(data, 2, progress: recorder, cancellationToken: Ct);
        Assert.Equal(Enumerable.Range(1, result.Iterations).ToArray(), recorder.Reports.Select(r => r.Iteration).ToArray());
        Assert.All(recorder.Reports, r => Assert.Equal(0, r.Run));
        Assert.Equal(data.Length / 2, recorder.Reports[0].LabelChangeCount);
    }

    [Fact]
    public void MaxIterations_CapsTheRun()
    {
        var data = ApiData.Blobs(10, seed: 1);
        using var km = Estimator(ApiData.Options(k: 3) with { InitialCentroids = [0, 0, 0.5f, 0.5f, 1, 1], MaxIterations = 1 });
        var recorder = new Recorder();
        var result = km.Fit(data, 2, progress: recorder, cancellationToken: Ct);
        Assert.Equal(1, result.Iterations);
        Assert.False(result.Converged);
        Assert.Single(recorder.Reports);
    }

    // ---------------------------------------------------------------- cancellation

    [Fact]
    public void CancelledToken_Throws()
    {
        using var km = Estimator(ApiData.Options());
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var recorder = new Recorder();
        Assert.Throws<OperationCanceledException>(() => km.Fit(ApiData.SixPoints, 2, progress: recorder, cancellationToken: cts.Token));
        Assert.Empty(recorder.Reports);
        Assert.Throws<OperationCanceledException>(() => km.Fit(ApiData.SixPointsMatrix, progress: recorder, cancellationToken: cts.Token));
    }

    [Fact]
    public void CancellationDuringFit_StopsBeforeTheNextIteration()
    {
        var data = ApiData.Blobs(10, seed: 1);
        using var km = Estimator(ApiData.Options(k: 3) with { InitialCentroids = [0, 0, 0.5f, 0.5f, 1, 1], Tolerance = 0 });
        using var cts = new CancellationTokenSource();
        var recorder = new Recorder(_ => cts.Cancel());
        var ex = Assert.Throws<OperationCanceledException>(() => km.Fit(data, 2, progress: recorder, cancellationToken: cts.Token));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(recorder.Reports);

        // The estimator and device are still usable afterwards.
        var result = km.Fit(data, 2, cancellationToken: Ct);
        Assert.True(result.Converged);
    }
}
