using System.Text;

namespace GpuKMeans.Cli.Io;

/// <summary>
/// Writes output files all or nothing: the text or bytes go to a temporary file in the destination's directory, which
/// then replaces the destination, so a failed run never leaves a half-written file behind. A symbolic link to a
/// regular file is kept: its final target is the file replaced. A destination that is not a regular file (a
/// character or block device such as <c>/dev/null</c>, a FIFO, a socket, <c>/dev/stdout</c> or a link to any of
/// those) is opened and written in place, never replaced or deleted (see <see cref="OutputTarget"/>).
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> (the value of <paramref name="option"/>) can be
    /// written: it is not a directory, its directory exists and a file can be created there (for a regular file or
    /// a new path), and the user may write it (for an existing file or a device).
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
        var target = OutputTarget.Of(full);
        if (target.Kind == OutputKind.Directory)
            throw new CliUsageException($"{option}: '{path}' is a directory, expected a file name");
        if (target.Kind == OutputKind.InPlace)
        {
            if (!OutputTarget.MayWrite(full))
                throw new CliUsageException($"{option}: '{path}' is not writable: permission denied");
            return;
        }
        string? directory = Path.GetDirectoryName(target.Path);
        if (directory is null)
            return;
        if (File.Exists(directory))
            throw new CliUsageException($"{option}: '{path}' is not writable: {directory} is a file, not a directory");
        if (!Directory.Exists(directory))
            throw new CliUsageException($"{option}: directory not found: {directory}");
        if (File.Exists(target.Path) && !OutputTarget.MayWrite(target.Path))
            throw new CliUsageException($"{option}: '{path}' is not writable: permission denied");
        ProbeDirectory(option, path, directory);
    }

    /// <summary>Creates and deletes an empty temporary file in <paramref name="directory"/>, as the write will.</summary>
    private static void ProbeDirectory(string option, string path, string directory)
    {
        string probe = Path.Combine(directory, $".gpukmeans-probe.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{option}: '{path}' is not writable: cannot create a file in {directory}: {e.Message}");
        }
        TryDelete(probe);
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
        var target = OutputTarget.Of(Path.GetFullPath(path));
        if (target.Kind == OutputKind.InPlace)
        {
            try
            {
                using var stream = OpenInPlace(target);
                write(stream);
            }
            catch (IOException e) when (e is not OutputWriteException)
            {
                throw new OutputWriteException(path, e);
            }
            return;
        }
        string full = target.Path;
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(temp, full, overwrite: true);
        }
        catch (IOException e) when (e is not OutputWriteException)
        {
            TryDelete(temp);
            throw new OutputWriteException(path, e);
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
        var target = OutputTarget.Of(Path.GetFullPath(path));
        if (target.Kind == OutputKind.InPlace)
        {
            WriteViaInPlace(target, write);
            return;
        }
        string full = target.Path;
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

    /// <summary>A file written by name in the system's temporary folder, then copied into the in-place destination.</summary>
    private static void WriteViaInPlace(OutputTarget target, Action<string> write)
    {
        string temp = Path.Combine(Path.GetTempPath(), $"gpukmeans.{Guid.NewGuid():N}.tmp{Path.GetExtension(target.Path)}");
        try
        {
            write(temp);
            using var source = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var stream = OpenInPlace(target);
            source.CopyTo(stream);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Opens a device, FIFO or standard stream for writing without replacing it (appending to a standard stream).</summary>
    private static FileStream OpenInPlace(OutputTarget target) =>
        new(target.Path, new FileStreamOptions
        {
            Mode = target.IsStandardStream ? FileMode.Append : FileMode.Open,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 1 << 16,
        });

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
