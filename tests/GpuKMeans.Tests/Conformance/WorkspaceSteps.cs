using GpuKMeans.Backends;
using Xunit;

namespace GpuKMeans.Tests.Conformance;

/// <summary>What the step-by-step workspace tests read back, and their M-step.</summary>
internal static class WorkspaceSteps
{
    /// <summary>
    /// One step of both workspaces with <paramref name="centroids"/>, the pruned one against the unpruned one: labels,
    /// distances, sums, weights, inertia and label changes to the bit.
    /// </summary>
    public static (PartialStatistics Expected, PartialStatistics Actual) SameStep(
        IFitWorkspace lloyd, IFitWorkspace pruned, float[] centroids, int k, string what)
    {
        lloyd.SetCentroids(centroids, k);
        pruned.SetCentroids(centroids, k);
        var expected = lloyd.AssignAndReduce();
        var actual = pruned.AssignAndReduce();
        Assert.True(Labels(lloyd).AsSpan().SequenceEqual(Labels(pruned)), $"{what}: labels differ");
        Assert.True(Distances(lloyd).AsSpan().SequenceEqual(Distances(pruned)), $"{what}: distances differ");
        Assert.True(expected.Sums.AsSpan().SequenceEqual(actual.Sums), $"{what}: sums differ");
        Assert.True(expected.Weights.AsSpan().SequenceEqual(actual.Weights), $"{what}: weights differ");
        Assert.Equal(expected.Inertia, actual.Inertia);
        Assert.Equal(expected.LabelChangeCount, actual.LabelChangeCount);
        return (expected, actual);
    }

    public static int[] Labels(IFitWorkspace device)
    {
        var labels = new int[device.Count];
        device.CopyLabels(labels);
        return labels;
    }

    public static float[] Distances(IFitWorkspace device)
    {
        var distances = new float[device.Count];
        device.CopyMinDistances(distances);
        return distances;
    }

    /// <summary>The M-step without relocation: an empty cluster keeps its centroid.</summary>
    public static float[] Update(PartialStatistics sums, float[] centroids, int d)
    {
        var next = (float[])centroids.Clone();
        for (int c = 0; c < sums.Weights.Length; c++)
            if (sums.Weights[c] > 0)
                for (int j = 0; j < d; j++)
                    next[c * d + j] = (float)(sums.Sums[c * d + j] / sums.Weights[c]);
        return next;
    }
}
