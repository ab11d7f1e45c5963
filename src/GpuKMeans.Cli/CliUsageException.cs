namespace GpuKMeans.Cli;

/// <summary>
/// Bad usage or bad input that the user can fix: <see cref="CliApp"/> prints the message (which names the
/// option, or the file, line and column) on standard error and exits with code 2.
/// </summary>
internal sealed class CliUsageException(string message) : Exception(message);
