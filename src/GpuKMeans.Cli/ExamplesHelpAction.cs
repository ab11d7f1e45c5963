using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace GpuKMeans.Cli;

/// <summary>The standard help of System.CommandLine followed by <see cref="CliExamples"/>.</summary>
/// <param name="standardHelp">The help action the help option had.</param>
internal sealed class ExamplesHelpAction(HelpAction standardHelp) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        int exitCode = standardHelp.Invoke(parseResult);
        CliExamples.Write(parseResult.InvocationConfiguration.Output, parseResult.CommandResult.Command);
        return exitCode;
    }
}
