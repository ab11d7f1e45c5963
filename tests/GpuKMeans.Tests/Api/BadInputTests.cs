using System.Text.RegularExpressions;
using GpuKMeans;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// Bad input at the public boundary: every case asserts the exact exception type, its ParamName, and that the
/// message names the offending value, row or count.
/// </summary>
public sealed class BadInputTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KMeans Estimator(KMeansOptions? options = null) => new(options ?? ApiData.Options(), fixture.Device);

    private KMeansResult FitSixPoints(KMeans km) => km.Fit(ApiData.SixPoints, 2, cancellationToken: Ct);

    private static T Throws<T>(string paramName, Func<object?> call) where T : ArgumentException
    {
        var ex = Assert.Throws<T>(call);
        Assert.Equal(paramName, ex.ParamName);
        return ex;
    }

    private static T Throws<T>(string paramName, Action call) where T : ArgumentException
    {
        var ex = Assert.Throws<T>(call);
        Assert.Equal(paramName, ex.ParamName);
        return ex;
    }

    /// <summary>Asserts that <paramref name="text"/> contains <paramref name="number"/> as a whole number, not as part of another.</summary>
    private static void ContainsNumber(long number, string text) =>
        Assert.Matches(new Regex($@"(?<!\d|\d\.){number}(?!\d|\.\d)"), text);

    public static TheoryData<float> NonFiniteValues => [float.NaN, float.PositiveInfinity, float.NegativeInfinity];

    // ---------------------------------------------------------------- non-finite points

    [Theory]
    [MemberData(nameof(NonFiniteValues))]
    public void Fit_NonFiniteValue_NamesRowAndColumn(float bad)
    {
        float[] data = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4];
        data[3 * 2 + 1] = bad;
        using var km = Estimator();
        var ex = Throws<ArgumentException>("points", () => km.Fit(data, 2, cancellationToken: Ct));
        Assert.Contains("row 3", ex.Message);
        Assert.Contains("column 1", ex.Message);
        Assert.Contains(bad.ToString(), ex.Message);
    }

    [Theory]
    [MemberData(nameof(NonFiniteValues))]
    public void Fit_Matrix_NonFiniteValue_NamesRowAndColumn(float bad)
    {
        var data = new float[5, 2];
        data[3, 1] = bad;
        using var km = Estimator();
        var ex = Throws<ArgumentException>("points", () => km.Fit(data, cancellationToken: Ct));
        Assert.Contains("row 3", ex.Message);
        Assert.Contains("column 1", ex.Message);
    }

    /// <summary>Positions inside the first vector block, past it, and in the scalar tail (n · d = 60 values).</summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(10, 1)]
    [InlineData(13, 0)]
    [InlineData(19, 2)]
    public void Fit_NaNAnywhere_IsFoundAndNamed(int row, int column)
    {
        const int d = 3;
        var data = new float[20 * d];
        for (int i = 0; i < data.Length; i++)
            data[i] = i % 7;
        data[row * d + column] = float.NaN;
        using var km = Estimator();
        var ex = Throws<ArgumentException>("points", () => km.Fit(data, d, cancellationToken: Ct));
        Assert.Contains($"row {row}", ex.Message);
        Assert.Contains($"column {column}", ex.Message);
    }

    [Fact]
    public void Fit_FirstOfSeveralNonFiniteValues_IsNamed()
    {
        var data = new float[40];
        data[25] = float.PositiveInfinity; // row 12, column 1
        data[31] = float.NaN;
        using var km = Estimator();
        var ex = Throws<ArgumentException>("points", () => km.Fit(data, 2, cancellationToken: Ct));
        Assert.Contains("row 12", ex.Message);
        Assert.Contains("column 1", ex.Message);
    }

    [Theory]
    [MemberData(nameof(NonFiniteValues))]
    public void PredictTransformScore_NonFiniteValue_NamesRowAndColumn(float bad)
    {
        using var km = Estimator();
        var model = FitSixPoints(km);
        float[] points = [0, 0, 1, 1, 2, 2];
        points[2 * 2 + 0] = bad;
        var matrix = ApiData.ToMatrix(points, 2);

        var exceptions = new ArgumentException[]
        {
            Throws<ArgumentException>("points", () => km.Predict(model, points)),
            Throws<ArgumentException>("points", () => km.Transform(model, points)),
            Throws<ArgumentException>("points", () => km.Score(model, points)),
            Throws<ArgumentException>("points", () => km.Predict(model, matrix)),
            Throws<ArgumentException>("points", () => km.Transform(model, matrix)),
            Throws<ArgumentException>("points", () => km.Score(model, matrix)),
        };
        foreach (var ex in exceptions)
        {
            Assert.Contains("row 2", ex.Message);
            Assert.Contains("column 0", ex.Message);
            Assert.Contains(bad.ToString(), ex.Message);
        }
    }

    // ---------------------------------------------------------------- options

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ClusterCount_NotPositive_ThrowsFromConstructor(int k)
    {
        var options = ApiData.Options() with { ClusterCount = k };
        var ex = Throws<ArgumentOutOfRangeException>("ClusterCount", () => new KMeans(options, fixture.Device));
        Assert.Equal(k, ex.ActualValue);
        Assert.Contains(k.ToString(), ex.Message);

        // The owning constructor checks before it opens a device.
        ex = Throws<ArgumentOutOfRangeException>("ClusterCount", () => new KMeans(options));
        Assert.Equal(k, ex.ActualValue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void MaxIterations_NotPositive_Throws(int value)
    {
        var ex = Throws<ArgumentOutOfRangeException>("MaxIterations",
            () => new KMeans(ApiData.Options() with { MaxIterations = value }, fixture.Device));
        Assert.Equal(value, ex.ActualValue);
        Assert.Contains(value.ToString(), ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void InitCount_NotPositive_Throws(int value)
    {
        var ex = Throws<ArgumentOutOfRangeException>("InitCount",
            () => new KMeans(ApiData.Options() with { InitCount = value }, fixture.Device));
        Assert.Equal(value, ex.ActualValue);
        Assert.Contains(value.ToString(), ex.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1e-12)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Tolerance_NegativeOrNotFinite_Throws(double value)
    {
        var ex = Throws<ArgumentOutOfRangeException>("Tolerance",
            () => new KMeans(ApiData.Options() with { Tolerance = value }, fixture.Device));
        Assert.Equal(value, ex.ActualValue);
        Assert.Contains(value.ToString(), ex.Message);
    }

    [Fact]
    public void Tolerance_Zero_IsAllowed()
    {
        using var km = Estimator(ApiData.Options() with { Tolerance = 0 });
        var result = FitSixPoints(km);
        Assert.Equal(16, result.Inertia, 1e-9);
    }

    [Fact]
    public void ExplicitInitWithoutCentroids_ThrowsFromConstructor()
    {
        var options = ApiData.Options() with { Init = KMeansInitMethod.Explicit };
        var ex = Throws<ArgumentException>("InitialCentroids", () => new KMeans(options, fixture.Device));
        Assert.Contains("InitialCentroids", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void InitialCentroids_WrongLength_Throws(int length)
    {
        using var km = Estimator(ApiData.Options() with { InitialCentroids = new float[length] });
        var ex = Throws<ArgumentException>("InitialCentroids", () => FitSixPoints(km));
        ContainsNumber(length, ex.Message);
        ContainsNumber(4, ex.Message); // k × d = 2 × 2
    }

    [Theory]
    [MemberData(nameof(NonFiniteValues))]
    public void InitialCentroids_NonFinite_Throws(float bad)
    {
        using var km = Estimator(ApiData.Options() with { InitialCentroids = [0, 0, bad, 1] });
        var ex = Throws<ArgumentException>("InitialCentroids", () => FitSixPoints(km));
        Assert.Contains("centroid 1", ex.Message);
        Assert.Contains("column 0", ex.Message);
        Assert.Contains(bad.ToString(), ex.Message);
    }

    // ---------------------------------------------------------------- shape of the data

    [Fact]
    public void MoreClustersThanPoints_Throws()
    {
        using var km = Estimator(ApiData.Options(k: 5));
        var ex = Throws<ArgumentException>("points", () => km.Fit([0f, 0, 1, 1, 2, 2], 2, cancellationToken: Ct));
        ContainsNumber(3, ex.Message);
        ContainsNumber(5, ex.Message);

        ex = Throws<ArgumentException>("points", () => km.Fit(new float[3, 2], cancellationToken: Ct));
        ContainsNumber(3, ex.Message);
        ContainsNumber(5, ex.Message);
    }

    [Fact]
    public void ClustersEqualToPoints_IsAllowed()
    {
        using var km = Estimator(ApiData.Options(k: 3));
        var result = km.Fit([0f, 0, 5, 5, 10, 0], 2, cancellationToken: Ct);
        Assert.Equal(0, result.Inertia, 1e-9);
        Assert.Equal([0, 1, 2], result.Labels.Order().ToArray());
    }

    [Fact]
    public void EmptyData_Throws()
    {
        using var km = Estimator();
        Throws<ArgumentException>("points", () => km.Fit(ReadOnlySpan<float>.Empty, 2, cancellationToken: Ct));
        Throws<ArgumentException>("points", () => km.Fit(Array.Empty<float>(), 1, cancellationToken: Ct));
        Throws<ArgumentException>("points", () => km.Fit(new float[0, 2], cancellationToken: Ct));
        Throws<ArgumentException>("points", () => km.Fit(new float[3, 0], cancellationToken: Ct));
        Throws<ArgumentException>("points", () => km.FitPredict(Array.Empty<float>(), 2));
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(7, 3)]
    [InlineData(1, 2)]
    public void LengthNotMultipleOfDimensions_Throws(int length, int dimensions)
    {
        using var km = Estimator(ApiData.Options(k: 1));
        var data = new float[length];
        var ex = Throws<ArgumentException>("points", () => km.Fit(data, dimensions, cancellationToken: Ct));
        ContainsNumber(length, ex.Message);
        ContainsNumber(dimensions, ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void DimensionsNotPositive_Throws(int dimensions)
    {
        using var km = Estimator();
        var ex = Throws<ArgumentOutOfRangeException>("dimensions",
            () => km.Fit(ApiData.SixPoints, dimensions, cancellationToken: Ct));
        Assert.Equal(dimensions, ex.ActualValue);
        Throws<ArgumentOutOfRangeException>("dimensions", () => km.FitPredict(ApiData.SixPoints, dimensions));
    }

    [Fact]
    public void PredictTransformScore_WrongColumnCount_Throws()
    {
        using var km = Estimator();
        var model = FitSixPoints(km);
        var threeColumns = new float[2, 3];
        var oneColumn = new float[4, 1];
        foreach (var matrix in new[] { threeColumns, oneColumn })
        {
            var exceptions = new ArgumentException[]
            {
                Throws<ArgumentException>("points", () => km.Predict(model, matrix)),
                Throws<ArgumentException>("points", () => km.Transform(model, matrix)),
                Throws<ArgumentException>("points", () => km.Score(model, matrix)),
            };
            foreach (var ex in exceptions)
            {
                ContainsNumber(matrix.GetLength(1), ex.Message);
                ContainsNumber(2, ex.Message);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void PredictTransformScore_SpanNotWholeRows_Throws(int length)
    {
        using var km = Estimator();
        var model = FitSixPoints(km);
        var points = new float[length];
        var exceptions = new ArgumentException[]
        {
            Throws<ArgumentException>("points", () => km.Predict(model, points)),
            Throws<ArgumentException>("points", () => km.Transform(model, points)),
            Throws<ArgumentException>("points", () => km.Score(model, points)),
        };
        foreach (var ex in exceptions)
            ContainsNumber(length, ex.Message);
    }

    [Fact]
    public void PredictTransformScore_Empty_Throws()
    {
        using var km = Estimator();
        var model = FitSixPoints(km);
        Throws<ArgumentException>("points", () => km.Predict(model, ReadOnlySpan<float>.Empty));
        Throws<ArgumentException>("points", () => km.Transform(model, ReadOnlySpan<float>.Empty));
        Throws<ArgumentException>("points", () => km.Score(model, ReadOnlySpan<float>.Empty));
        Throws<ArgumentException>("points", () => km.Predict(model, new float[0, 2]));
        Throws<ArgumentException>("points", () => km.Transform(model, new float[0, 2]));
        Throws<ArgumentException>("points", () => km.Score(model, new float[0, 2]));
    }

    // ---------------------------------------------------------------- sample weights

    [Theory]
    [InlineData(0)] // one weight
    [InlineData(1)] // five weights
    [InlineData(2)] // seven weights
    public void SampleWeights_WrongLength_Throws(int which)
    {
        int length = new[] { 1, 5, 7 }[which];
        var weights = Enumerable.Repeat(1f, length).ToArray();
        using var km = Estimator();
        var ex = Throws<ArgumentException>("sampleWeights", () => km.Fit(ApiData.SixPoints, 2, weights, cancellationToken: Ct));
        ContainsNumber(length, ex.Message);
        ContainsNumber(6, ex.Message);

        var model = FitSixPoints(km);
        ex = Throws<ArgumentException>("sampleWeights", () => km.Score(model, ApiData.SixPoints, weights));
        ContainsNumber(length, ex.Message);
    }

    [Theory]
    [InlineData(2, -1f)]
    [InlineData(4, float.NaN)]
    [InlineData(0, float.PositiveInfinity)]
    [InlineData(5, float.NegativeInfinity)]
    [InlineData(3, -1e-30f)]
    public void SampleWeights_NegativeOrNotFinite_Throws(int row, float bad)
    {
        var weights = Enumerable.Repeat(1f, 6).ToArray();
        weights[row] = bad;
        using var km = Estimator();
        var ex = Throws<ArgumentException>("sampleWeights", () => km.Fit(ApiData.SixPoints, 2, weights, cancellationToken: Ct));
        Assert.Contains($"row {row}", ex.Message);
        Assert.Contains(bad.ToString(), ex.Message);

        ex = Throws<ArgumentException>("sampleWeights", () => km.Fit(ApiData.SixPointsMatrix, weights, cancellationToken: Ct));
        Assert.Contains($"row {row}", ex.Message);

        var model = FitSixPoints(km);
        ex = Throws<ArgumentException>("sampleWeights", () => km.Score(model, ApiData.SixPoints, weights));
        Assert.Contains($"row {row}", ex.Message);
    }

    [Fact]
    public void SampleWeights_AllZero_Throws()
    {
        var weights = new float[6];
        using var km = Estimator();
        Throws<ArgumentException>("sampleWeights", () => km.Fit(ApiData.SixPoints, 2, weights, cancellationToken: Ct));
        Throws<ArgumentException>("sampleWeights", () => km.FitPredict(ApiData.SixPoints, 2, weights));
        var model = FitSixPoints(km);
        Throws<ArgumentException>("sampleWeights", () => km.Score(model, ApiData.SixPoints, weights));
    }

    // ---------------------------------------------------------------- null arguments

    [Fact]
    public void NullModel_Throws()
    {
        using var km = Estimator();
        float[] points = [0, 0];
        var matrix = new float[1, 2];
        Throws<ArgumentNullException>("model", () => km.Predict(null!, points));
        Throws<ArgumentNullException>("model", () => km.Transform(null!, points));
        Throws<ArgumentNullException>("model", () => km.Score(null!, points));
        Throws<ArgumentNullException>("model", () => km.Predict(null!, matrix));
        Throws<ArgumentNullException>("model", () => km.Transform(null!, matrix));
        Throws<ArgumentNullException>("model", () => km.Score(null!, matrix));
    }

    [Fact]
    public void NullPointsMatrix_Throws()
    {
        using var km = Estimator();
        var model = FitSixPoints(km);
        Throws<ArgumentNullException>("points", () => km.Fit((float[,])null!, cancellationToken: Ct));
        Throws<ArgumentNullException>("points", () => km.FitPredict((float[,])null!));
        Throws<ArgumentNullException>("points", () => km.Predict(model, (float[,])null!));
        Throws<ArgumentNullException>("points", () => km.Transform(model, (float[,])null!));
        Throws<ArgumentNullException>("points", () => km.Score(model, (float[,])null!));
    }

    [Fact]
    public void NullConstructorArguments_Throw()
    {
        Throws<ArgumentNullException>("options", () => new KMeans(null!, fixture.Device));
        Throws<ArgumentNullException>("device", () => new KMeans(ApiData.Options(), null!));
    }

    // ---------------------------------------------------------------- device lifetime

    [Fact]
    public void DisposedDevice_Throws()
    {
        var device = KMeansDevice.Create(KMeansBackend.Cpu);
        KMeansResult model;
        using (var km = new KMeans(ApiData.Options(), device))
            model = FitSixPoints(km);
        device.Dispose();

        using var stale = new KMeans(ApiData.Options(), device);
        Assert.Throws<ObjectDisposedException>(() => stale.Fit(ApiData.SixPoints, 2, cancellationToken: Ct));
        Assert.Throws<ObjectDisposedException>(() => stale.Fit(ApiData.SixPointsMatrix, cancellationToken: Ct));
        Assert.Throws<ObjectDisposedException>(() => stale.FitPredict(ApiData.SixPoints, 2));
        Assert.Throws<ObjectDisposedException>(() => stale.Predict(model, ApiData.SixPoints));
        Assert.Throws<ObjectDisposedException>(() => stale.Transform(model, ApiData.SixPoints));
        Assert.Throws<ObjectDisposedException>(() => stale.Score(model, ApiData.SixPoints));
        device.Dispose(); // a second dispose is harmless
    }

    [Fact]
    public void OwningEstimator_DisposesItsDevice()
    {
        var km = new KMeans(ApiData.Options());
        Assert.Equal(KMeansBackend.Cpu, km.Device.Kind);
        var model = FitSixPoints(km);
        km.Dispose();
        Assert.Throws<ObjectDisposedException>(() => km.Fit(ApiData.SixPoints, 2, cancellationToken: Ct));
        Assert.Throws<ObjectDisposedException>(() => km.Predict(model, ApiData.SixPoints));
        km.Dispose(); // idempotent
    }

    [Fact]
    public void BorrowingEstimator_LeavesDeviceAlive()
    {
        var borrowed = new KMeans(ApiData.Options(), fixture.Device);
        var model = FitSixPoints(borrowed);
        borrowed.Dispose();

        // The device still works, both for a new estimator and for the disposed one, which never owned it.
        using var next = new KMeans(ApiData.Options(), fixture.Device);
        var again = FitSixPoints(next);
        Assert.Equal(model.Inertia, again.Inertia, 1e-9);
        Assert.Equal(model.Labels.ToArray(), borrowed.Predict(model, ApiData.SixPoints));
    }
}
