namespace GpuKMeans.Cli;

/// <summary>One example of <c>--help</c>: the arguments after <c>gpukmeans</c>, and what it does.</summary>
/// <param name="Args">The arguments, each one shell word (quoted in the help when it needs to be).</param>
/// <param name="Description">What the example does.</param>
internal sealed record CliExample(string[] Args, string Description)
{
    /// <summary>The command line as the help prints it, words with spaces or shell characters in single quotes.</summary>
    public string CommandLine => string.Join(' ', [CliApp.Name, .. Args.Select(Quote)]);

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or '+' or '=')
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
