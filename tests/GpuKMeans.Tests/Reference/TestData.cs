using Xunit;
namespace GpuKMeans.Tests.Reference;

/// <summary>Fresh random inputs. Each generator takes the seed it used, so a failure message can quote it.</summary>
public static class TestData
{
    /// <summary>A new seed per call: tests run on fresh data every time and report the seed when they fail.</summary>
    /// <summary>
    /// A fresh random seed, written to the current test's output so that a failing test reports it (rerun with
    /// the same seed to reproduce).
    /// </summary>
    public static int NewSeed()
    {
        int seed = Random.Shared.Next();
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"random seed: {seed}");
        return seed;
    }

    public static float[] Gaussian(int count, Random random, float scale = 1f, float offset = 0f)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = offset + scale * Normal(random);
        return values;
    }

    public static float[] Weights(int count, Random random)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
            values[i] = 0.05f + 2f * (float)random.NextDouble();
        return values;
    }

    /// <summary>n points around k centres drawn uniformly in [−spread, spread]^d, with unit-variance noise.</summary>
    public static (float[] Points, int[] Truth) Blobs(int n, int d, int k, float spread, Random random)
    {
        var centres = new float[k * d];
        for (int i = 0; i < centres.Length; i++)
            centres[i] = spread * (2f * (float)random.NextDouble() - 1f);
        var points = new float[n * d];
        var truth = new int[n];
        for (int i = 0; i < n; i++)
        {
            truth[i] = i % k;
            for (int j = 0; j < d; j++)
                points[i * d + j] = centres[truth[i] * d + j] + Normal(random);
        }
        return (points, truth);
    }

    /// <summary>Seed notebook 000's data: 750 points around (1,1), (−1,−1), (1,−1), std 0.4, standardised.</summary>
    public static float[] SeedNotebookBlobs(Random random)
    {
        float[] centres = [1, 1, -1, -1, 1, -1];
        var points = new float[750 * 2];
        for (int i = 0; i < 750; i++)
            for (int j = 0; j < 2; j++)
                points[i * 2 + j] = centres[(i % 3) * 2 + j] + 0.4f * Normal(random);
        for (int j = 0; j < 2; j++)
        {
            double mean = 0, sq = 0;
            for (int i = 0; i < 750; i++)
                mean += points[i * 2 + j];
            mean /= 750;
            for (int i = 0; i < 750; i++)
                sq += (points[i * 2 + j] - mean) * (points[i * 2 + j] - mean);
            double std = Math.Sqrt(sq / 750);
            for (int i = 0; i < 750; i++)
                points[i * 2 + j] = (float)((points[i * 2 + j] - mean) / std);
        }
        return points;
    }

    public static float Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
