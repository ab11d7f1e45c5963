using System.Runtime.InteropServices;

namespace GpuKMeans.Cli.Io;

/// <summary>How an output path is written: replaced atomically, or opened and written in place.</summary>
internal enum OutputKind
{
    /// <summary>A regular file or a new path: a temporary file in the same directory replaces it.</summary>
    Replace,

    /// <summary>A character or block device, a FIFO, a socket or a standard stream (<c>/dev/stdout</c>): opened for writing, never replaced or deleted.</summary>
    InPlace,

    /// <summary>An existing directory: not an output file.</summary>
    Directory,
}

/// <summary>
/// Where an output path leads once symbolic links are followed and what kind of file is there. The file type comes
/// from <c>stat(2)</c> (the .NET file APIs report a device or a FIFO as a normal file).
/// </summary>
/// <param name="Kind">How the destination is written.</param>
/// <param name="Path">The file to write: for <see cref="OutputKind.Replace"/> the symbolic link's final target (the
/// link itself is kept), otherwise the full path as given.</param>
/// <param name="IsStandardStream">Whether the path names a standard stream or descriptor (<c>/dev/stdout</c>,
/// <c>/dev/fd/N</c>, <c>/proc/self/fd/N</c>): written in place, appending when that stream is a regular file.</param>
internal sealed record OutputTarget(OutputKind Kind, string Path, bool IsStandardStream)
{
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG
    private const int DirectoryType = 0x4000; // S_IFDIR
    private const int WriteAccess = 2; // W_OK

    /// <summary>Classifies <paramref name="fullPath"/> (already made absolute).</summary>
    public static OutputTarget Of(string fullPath)
    {
        bool stream = IsStandardStreamPath(fullPath);
        int? type = FileType(fullPath);
        if (type is null) // missing, a dangling link, or stat(2) unavailable
        {
            if (System.IO.Directory.Exists(fullPath))
                return new OutputTarget(OutputKind.Directory, fullPath, false);
            bool exists = File.Exists(fullPath);
            return new OutputTarget(exists && stream ? OutputKind.InPlace : OutputKind.Replace, exists ? fullPath : FinalTarget(fullPath), stream);
        }
        if (type == DirectoryType)
            return new OutputTarget(OutputKind.Directory, fullPath, false);
        if (type == RegularType && !stream)
            return new OutputTarget(OutputKind.Replace, FinalTarget(fullPath), false);
        return new OutputTarget(OutputKind.InPlace, fullPath, stream);
    }

    /// <summary>Whether the calling user may write <paramref name="path"/> (<c>access(2)</c> with <c>W_OK</c>); true where it cannot be asked.</summary>
    public static bool MayWrite(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return true;
        try
        {
            return access(path, WriteAccess) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }

    /// <summary>The final target of a chain of symbolic links, or the path itself when it is not a link.</summary>
    private static string FinalTarget(string fullPath)
    {
        try
        {
            var target = File.ResolveLinkTarget(fullPath, returnFinalTarget: true);
            return target is null ? fullPath : System.IO.Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            return fullPath; // a loop of links: the write reports it
        }
    }

    private static bool IsStandardStreamPath(string fullPath) =>
        fullPath is "/dev/stdout" or "/dev/stderr" or "/dev/stdin" or "/dev/tty"
        || fullPath.StartsWith("/dev/fd/", StringComparison.Ordinal)
        || (fullPath.StartsWith("/proc/", StringComparison.Ordinal) && fullPath.Contains("/fd/", StringComparison.Ordinal));

    /// <summary>The <c>S_IFMT</c> bits of <c>stat(2)</c> (links followed), or null when the path does not exist or they cannot be read here.</summary>
    private static int? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        int offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24, // st_dev, st_ino, st_nlink (8 bytes each), st_mode
            Architecture.Arm64 => 16, // st_dev, st_ino, st_mode
            _ => -1,
        };
        if (offset < 0)
            return null;
        var buffer = new byte[256]; // larger than struct stat on both
        try
        {
            if (stat(path, buffer) != 0)
                return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return BitConverter.ToInt32(buffer, offset) & TypeMask;
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int stat(string path, byte[] buffer);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int access(string path, int mode);
}
