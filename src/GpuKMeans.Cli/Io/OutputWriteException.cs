namespace GpuKMeans.Cli.Io;

/// <summary>
/// An output file could not be written after it was opened (a full device such as /dev/full, a disk filling up
/// during the write): the command exits 1 with a message naming the file, not as an unexpected failure.
/// </summary>
internal sealed class OutputWriteException(string path, IOException inner)
    : IOException($"cannot write '{path}': {inner.Message}", inner);
