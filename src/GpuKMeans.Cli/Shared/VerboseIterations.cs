using GpuKMeans.Cli.Output;

namespace GpuKMeans.Cli.Shared;

/// <summary>
/// Writes one line per Lloyd iteration to standard error as the library reports it, synchronously (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronisation context): run, iteration, inertia, centre shift,
/// label changes, relocated clusters and time.
/// </summary>
/// <param name="console">Where the lines go (its <see cref="CliConsole.Error"/>).</param>
/// <param name="prefix">Put before every line, such as <c>k=3 </c> in a sweep; empty for none.</param>
internal sealed class VerboseIterations(CliConsole console, string prefix = "") : IProgress<KMeansIterationStats>
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
}
