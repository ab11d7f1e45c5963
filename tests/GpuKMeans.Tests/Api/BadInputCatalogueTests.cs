using GpuKMeans;
using Xunit;

namespace GpuKMeans.Tests.Api;

/// <summary>
/// The API half of the bad-input catalogue: one row per bad call at the public boundary, each asserting the exact
/// exception type, its <see cref="ArgumentException.ParamName"/>, and words of the message (the value, the row and
/// column, the counts). Many rows re-express cases of <see cref="BadInputTests"/> as a table.
/// </summary>
public sealed class BadInputCatalogueTests(CpuDeviceFixture fixture) : IClassFixture<CpuDeviceFixture>
{
    /// <summary>One catalogue row.</summary>
    /// <param name="Exception">The exact exception type expected.</param>
    /// <param name="ParamName">The expected <see cref="ArgumentException.ParamName"/>.</param>
    /// <param name="Words">Texts the message must contain.</param>
    /// <param name="Call">The bad call, given the shared CPU device.</param>
    public sealed record Case(Type Exception, string ParamName, string[] Words, Action<KMeansDevice> Call);

    private static readonly float[] Nan3x1 = WithValue(ApiData.SixPoints, 3 * 2 + 1, float.NaN);

    private static float[] WithValue(float[] values, int index, float value)
    {
        float[] copy = [.. values];
        copy[index] = value;
        return copy;
    }

    private static float[] Weights(int length, int row = -1, float value = 1) =>
        [.. Enumerable.Range(0, length).Select(i => i == row ? value : 1f)];

    private static Case Arg(string param, string[] words, Action<KMeansDevice> call) => new(typeof(ArgumentException), param, words, call);

    private static Case Range(string param, string[] words, Action<KMeansDevice> call) =>
        new(typeof(ArgumentOutOfRangeException), param, words, call);

    private static Case Null(string param, Action<KMeansDevice> call) => new(typeof(ArgumentNullException), param, [param], call);

    private static Action<KMeansDevice> Construct(KMeansOptions options) => device => new KMeans(options, device).Dispose();

    private static Action<KMeansDevice> Fit(Func<KMeans, object?> call, KMeansOptions? options = null) => device =>
    {
        using var km = new KMeans(options ?? ApiData.Options(), device);
        call(km);
    };

    private static Action<KMeansDevice> OnModel(Func<KMeans, KMeansResult, object?> call) => device =>
    {
        using var km = new KMeans(ApiData.Options(), device);
        var model = km.Fit(ApiData.SixPoints, 2);
        call(km, model);
    };

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Non-finite points: the row, the column and the value.
        ["fit: NaN at row 3, column 1"] = Arg("points", ["row 3", "column 1", "NaN"], Fit(km => km.Fit(Nan3x1, 2))),
        ["fit: +∞ at row 3, column 1"] = Arg("points", ["row 3", "column 1", float.PositiveInfinity.ToString()],
            Fit(km => km.Fit(WithValue(ApiData.SixPoints, 7, float.PositiveInfinity), 2))),
        ["fit: −∞ at row 0, column 0"] = Arg("points", ["row 0", "column 0", float.NegativeInfinity.ToString()],
            Fit(km => km.Fit(WithValue(ApiData.SixPoints, 0, float.NegativeInfinity), 2))),
        ["fit matrix: NaN at row 3, column 1"] = Arg("points", ["row 3", "column 1"], Fit(km => km.Fit(ApiData.ToMatrix(Nan3x1, 2)))),
        ["fit-predict: NaN at row 3, column 1"] = Arg("points", ["row 3", "column 1"], Fit(km => km.FitPredict(Nan3x1, 2))),
        ["predict: NaN at row 2, column 0"] = Arg("points", ["row 2", "column 0", "NaN"],
            OnModel((km, m) => km.Predict(m, WithValue([0, 0, 1, 1, 2, 2], 4, float.NaN)))),
        ["transform: +∞ at row 2, column 0"] = Arg("points", ["row 2", "column 0"],
            OnModel((km, m) => km.Transform(m, WithValue([0, 0, 1, 1, 2, 2], 4, float.PositiveInfinity)))),
        ["score matrix: −∞ at row 1, column 1"] = Arg("points", ["row 1", "column 1"],
            OnModel((km, m) => km.Score(m, new float[,] { { 0, 0 }, { 1, float.NegativeInfinity } }))),

        // Options, checked by the constructor.
        ["options: ClusterCount 0"] = Range("ClusterCount", ["0"], Construct(ApiData.Options() with { ClusterCount = 0 })),
        ["options: ClusterCount −1 (owning constructor)"] = Range("ClusterCount", ["-1"],
            _ => new KMeans(ApiData.Options() with { ClusterCount = -1 }).Dispose()),
        ["options: MaxIterations −5"] = Range("MaxIterations", ["-5"], Construct(ApiData.Options() with { MaxIterations = -5 })),
        ["options: InitCount −3"] = Range("InitCount", ["-3"], Construct(ApiData.Options() with { InitCount = -3 })),
        ["options: Tolerance −1"] = Range("Tolerance", ["-1"], Construct(ApiData.Options() with { Tolerance = -1 })),
        ["options: Tolerance NaN"] = Range("Tolerance", ["NaN"], Construct(ApiData.Options() with { Tolerance = double.NaN })),
        ["options: Tolerance +∞"] = Range("Tolerance", [double.PositiveInfinity.ToString()],
            Construct(ApiData.Options() with { Tolerance = double.PositiveInfinity })),
        ["options: explicit init without centroids"] = Arg("InitialCentroids", ["InitialCentroids"],
            Construct(ApiData.Options() with { Init = KMeansInitMethod.Explicit })),
        ["options: 3 initial centroid values for k × d = 4"] = Arg("InitialCentroids", ["3", "4"],
            Fit(km => km.Fit(ApiData.SixPoints, 2), ApiData.Options() with { InitialCentroids = new float[3] })),
        ["options: NaN in initial centroid 1, column 0"] = Arg("InitialCentroids", ["centroid 1", "column 0", "NaN"],
            Fit(km => km.Fit(ApiData.SixPoints, 2), ApiData.Options() with { InitialCentroids = [0, 0, float.NaN, 1] })),

        // Shape of the data.
        ["fit: k = 5 on 3 points"] = Arg("points", ["3", "5"], Fit(km => km.Fit([0f, 0, 1, 1, 2, 2], 2), ApiData.Options(k: 5))),
        ["fit: no points"] = Arg("points", ["points"], Fit(km => km.Fit(Array.Empty<float>(), 1))),
        ["fit: 5 values in rows of 2"] = Arg("points", ["5", "2"], Fit(km => km.Fit(new float[5], 2), ApiData.Options(k: 1))),
        ["fit: 0 dimensions"] = Range("dimensions", ["0"], Fit(km => km.Fit(ApiData.SixPoints, 0))),
        ["predict: 3 columns for a 2-column model"] = Arg("points", ["3", "2"], OnModel((km, m) => km.Predict(m, new float[2, 3]))),
        ["predict: no points"] = Arg("points", ["points"], OnModel((km, m) => km.Predict(m, new float[0, 2]))),

        // Sample weights.
        ["weights: 5 for 6 points"] = Arg("sampleWeights", ["5", "6"], Fit(km => km.Fit(ApiData.SixPoints, 2, Weights(5)))),
        ["weights: −1 at row 2"] = Arg("sampleWeights", ["row 2", "-1"], Fit(km => km.Fit(ApiData.SixPoints, 2, Weights(6, 2, -1)))),
        ["weights: NaN at row 4"] = Arg("sampleWeights", ["row 4", "NaN"], Fit(km => km.Fit(ApiData.SixPoints, 2, Weights(6, 4, float.NaN)))),
        ["weights: all zero"] = Arg("sampleWeights", ["zero"], Fit(km => km.Fit(ApiData.SixPoints, 2, new float[6]))),
        ["score weights: 7 for 6 points"] = Arg("sampleWeights", ["7"], OnModel((km, m) => km.Score(m, ApiData.SixPoints, Weights(7)))),

        // Null arguments.
        ["null model"] = Null("model", OnModel((km, _) => km.Predict(null!, ApiData.SixPoints))),
        ["null points matrix"] = Null("points", Fit(km => km.Fit((float[,])null!))),
        ["null options"] = Null("options", device => new KMeans(null!, device).Dispose()),
        ["null device"] = Null("device", _ => new KMeans(ApiData.Options(), null!).Dispose()),
    };

    /// <summary>The catalogue's case names.</summary>
    public static TheoryData<string> Names => [.. Cases.Keys];

    /// <summary>The number of rows, checked so the catalogue does not shrink unnoticed.</summary>
    [Fact]
    public void CatalogueHasItsRows() => Assert.True(Cases.Count >= 30, $"{Cases.Count} rows");

    [Theory]
    [MemberData(nameof(Names))]
    public void BadCallThrowsANamedException(string name)
    {
        var row = Cases[name];
        var ex = Assert.Throws(row.Exception, () => row.Call(fixture.Device));
        var argument = Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal(row.ParamName, argument.ParamName);
        foreach (string word in row.Words)
            Assert.Contains(word, ex.Message);
    }
}
