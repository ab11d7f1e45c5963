using System.Text;

namespace GpuKMeans.Cli.Shared;

/// <summary>
/// Standard output or standard error as the commands see them. A write to standard output that fails (a full
/// device, a closed pipe) becomes a <see cref="StandardStreamException"/>, which <see cref="CliApp"/> reports as
/// "cannot write to standard output" with exit code 1; a write to standard error that fails is dropped, so an
/// error message written to a full or closed standard error can never abort the process.
/// </summary>
/// <param name="inner">The writer written to.</param>
/// <param name="streamName">"standard output" or "standard error", for the message.</param>
/// <param name="dropFailures">Drop failed writes (standard error) instead of throwing.</param>
internal sealed class GuardedWriter(TextWriter inner, string streamName, bool dropFailures) : TextWriter(inner.FormatProvider)
{
    /// <summary>The writer written to.</summary>
    public TextWriter Inner { get; } = inner;

    /// <summary>Whether a write has failed.</summary>
    public bool Failed { get; private set; }

    /// <inheritdoc />
    public override Encoding Encoding => Inner.Encoding;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Inner.NewLine;
        set => Inner.NewLine = value;
    }

    /// <summary><paramref name="writer"/> itself, or the writer a <see cref="GuardedWriter"/> wraps.</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is GuardedWriter guarded ? guarded.Inner : writer;

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => Inner.Write(value));

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Guard(() => Inner.Write(buffer, index, count));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => Inner.Write(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => Inner.WriteLine(value));

    /// <inheritdoc />
    public override void WriteLine() => Guard(Inner.WriteLine);

    /// <inheritdoc />
    public override void Flush() => Guard(Inner.Flush);

    private void Guard(Action write)
    {
        if (Failed && dropFailures)
            return;
        try
        {
            write();
        }
        catch (IOException e) when (e is not StandardStreamException)
        {
            Failed = true;
            if (!dropFailures)
                throw new StandardStreamException(streamName, e);
        }
    }
}

/// <summary>A write to a standard stream failed; <see cref="Exception.InnerException"/> says why.</summary>
internal sealed class StandardStreamException(string streamName, IOException inner)
    : IOException($"cannot write to {streamName}: {inner.Message}", inner)
{
}
