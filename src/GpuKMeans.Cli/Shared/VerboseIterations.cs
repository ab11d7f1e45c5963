using GpuKMeans.Cli.Output;

namespace GpuKMeans.Cli.Shared;

/// <summary>
/// Writes one line per Lloyd iteration to standard error as the library reports it, synchronously (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronisation context): run, iteration, inertia, centre shift,
/// label changes, relocated clusters and time; and, during k-means++ seeding, one line per 10% of the centres
/// chosen (the library reports seeding to a progress object that also implements
/// <see cref="IProgress{T}"/> of <see cref="KMeansSeedingProgress"/>).
/// </summary>
/// <param name="console">Where the lines go (its <see cref="CliConsole.Error"/>).</param>
/// <param name="prefix">Put before every line, such as <c>k=3 </c> in a sweep; empty for none.</param>
internal sealed class VerboseIterations(CliConsole console, string prefix = "") : IProgress<KMeansIterationStats>, IProgress<KMeansSeedingProgress>
{
    /// <summary>Number of lines written.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public void Report(KMeansIterationStats value)
    {
        Count++;
        console.Error.WriteLine(
            $"{prefix}run {value.Run} iteration {value.Iteration}: inertia {NumberText.Long(value.Inertia)}, "
            + $"shift {NumberText.Short(value.CentroidShift)}, changed {value.LabelChangeCount}, "
            + $"relocated {value.RelocatedClusterCount}, {NumberText.Short(value.Elapsed.TotalMilliseconds)} ms");
        console.Error.Flush();
    }

    /// <summary>Writes a seeding line when the centres chosen cross the next tenth of <c>k</c>, and for the last one.</summary>
    public void Report(KMeansSeedingProgress value)
    {
        int k = value.ClusterCount;
        int chosen = value.CentresChosen;
        if (k < 1 || (chosen * 10L / k == (chosen - 1) * 10L / k && chosen != k))
            return;
        Count++;
        console.Error.WriteLine(
            $"{prefix}run {value.Run} seeding: {chosen} of {k} centres ({chosen * 100L / k}%), "
            + $"{NumberText.Short(value.Elapsed.TotalMilliseconds)} ms");
        console.Error.Flush();
    }
}
