using System.Globalization;

namespace GpuKMeans.Cli.Io;

/// <summary>A position in the text of a .npy header, for <see cref="NpyDictParser"/>.</summary>
/// <param name="text">The header text.</param>
/// <param name="path">The file, for messages.</param>
internal sealed class NpyHeaderCursor(string text, string path)
{
    private int _at;

    /// <summary>The next character that is not white space (skipping it), or <c>\0</c> at the end.</summary>
    public char Peek()
    {
        SkipSpace();
        return _at < text.Length ? text[_at] : '\0';
    }

    /// <summary>Consumes <paramref name="c"/> if it comes next; returns whether it did.</summary>
    public bool TryTake(char c)
    {
        if (Peek() != c)
            return false;
        _at++;
        return true;
    }

    /// <summary>Consumes <paramref name="c"/>, which must come next.</summary>
    public void Expect(char c)
    {
        if (!TryTake(c))
            throw Error($"expected '{c}'");
    }

    /// <summary>Reads a string in single or double quotes.</summary>
    public string ReadString()
    {
        char quote = Peek();
        if (quote is not ('\'' or '"'))
            throw Error("expected a quoted string");
        int end = text.IndexOf(quote, _at + 1);
        if (end < 0)
            throw Error("unterminated string");
        string value = text[(_at + 1)..end];
        _at = end + 1;
        return value;
    }

    /// <summary>Reads <c>True</c> or <c>False</c>.</summary>
    public bool ReadBoolean()
    {
        Peek();
        foreach (var (word, value) in new[] { ("True", true), ("False", false) })
        {
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) == 0)
            {
                _at += word.Length;
                return value;
            }
        }
        throw Error("expected True or False");
    }

    /// <summary>Reads a tuple of non-negative integers such as <c>(3, 2)</c>, <c>(5,)</c> or <c>()</c>.</summary>
    public long[] ReadTuple()
    {
        Expect('(');
        var items = new List<long>();
        while (!TryTake(')'))
        {
            Peek();
            int start = _at;
            while (_at < text.Length && char.IsAsciiDigit(text[_at]))
                _at++;
            if (_at == start || !long.TryParse(text.AsSpan(start, _at - start), NumberStyles.None, CultureInfo.InvariantCulture, out long item))
                throw Error("expected a non-negative integer in the shape");
            if (_at < text.Length && text[_at] is 'L' or 'l')
                _at++; // Python 2 long
            items.Add(item);
            if (!TryTake(','))
            {
                Expect(')');
                break;
            }
        }
        return [.. items];
    }

    /// <summary>The text from here on, for messages.</summary>
    public string Rest() => text[_at..].TrimEnd();

    /// <summary>An error naming the file, what was expected, where, and the whole header.</summary>
    public CliUsageException Error(string what) =>
        new($"{path}: unreadable .npy header ({what} at character {_at + 1}): {text.TrimEnd()}");

    private void SkipSpace()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            _at++;
    }
}
