using System.Text;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Writes output files all or nothing: the text or bytes go to a temporary file in the destination's directory, which
/// then replaces the destination, so a failed run never leaves a half-written file behind.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> (the value of <paramref name="option"/>) can be
    /// written: its directory exists and it is not a directory.
    /// </summary>
    /// <exception cref="CliUsageException">The path cannot be an output file; the message names the option.</exception>
    public static void CheckWritable(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliUsageException($"{option}: the file name is empty");
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"{option}: '{path}' is not a valid file name: {e.Message}");
        }
        if (Directory.Exists(full))
            throw new CliUsageException($"{option}: '{path}' is a directory, expected a file name");
        string? directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
            throw new CliUsageException($"{option}: directory not found: {directory}");
    }

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/> (UTF-8, no BOM, "\n" line ends).</summary>
    public static void Write(string path, Action<TextWriter> write) =>
        WriteBinary(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
            writer.NewLine = "\n";
            write(writer);
        });

    /// <summary>Writes the bytes of <paramref name="path"/> with <paramref name="write"/>.</summary>
    public static void WriteBinary(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// For writers that want a file name (plot libraries): <paramref name="write"/> writes a temporary file with
    /// the same extension in the destination's directory, which then replaces <paramref name="path"/>.
    /// </summary>
    public static void WriteVia(string path, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one to report.
        }
    }
}
