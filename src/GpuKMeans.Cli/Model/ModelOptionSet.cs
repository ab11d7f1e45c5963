using System.CommandLine;

namespace GpuKMeans.Cli.Model;

/// <summary>
/// <c>--model M.json</c> or <c>--centroids C.csv|C.npy</c>: the two ways predict, transform and score are told
/// what to apply. Exactly one is required (checked by <see cref="ModelSource.Load"/>).
/// </summary>
internal sealed class ModelOptionSet
{
    private readonly Option<string?> _model = new("--model")
    {
        Description = "A model file written by 'fit --model': centroids, scaler and feature names. Points are read in their "
            + "original units and scaled as the fit's data were, so labels and distances are those of the fit.",
        HelpName = "MODEL.json",
    };

    private readonly Option<string?> _centroids = new("--centroids")
    {
        Description = "Instead of --model: the centroids, k rows × d numbers, CSV (optional header) or .npy, as fit --centroids writes them. "
            + "Distances are squared Euclidean in the file's units, ties go to the lowest index; centroids of a fit with "
            + "--scale are in original units, so points near a boundary may be labelled differently than the scaled fit did (use --model).",
        HelpName = "C.csv|C.npy",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_model);
        command.Add(_centroids);
    }

    /// <summary>What the user gave.</summary>
    public ModelSource Get(ParseResult parsed) => new(parsed.GetValue(_model), parsed.GetValue(_centroids));
}
