
namespace GpuKMeans.Cli.Io;

/// <summary>
/// Parses the Python dict literal of a .npy header, such as
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 2), }</c>: string keys; string, boolean and
/// tuple-of-integer values. Anything else (a structured dtype's list, say) is reported, not guessed at.
/// </summary>
internal static class NpyDictParser
{
    /// <summary>Returns the <c>descr</c>, <c>fortran_order</c> and <c>shape</c> entries of <paramref name="text"/>.</summary>
    /// <exception cref="CliUsageException">The text is not such a dict, or lacks one of the three keys.</exception>
    public static (string Descr, bool FortranOrder, long[] Shape) Parse(string text, string path)
    {
        var cursor = new NpyHeaderCursor(text, path);
        string? descr = null;
        bool? fortran = null;
        long[]? shape = null;
        cursor.Expect('{');
        while (!cursor.TryTake('}'))
        {
            string key = cursor.ReadString();
            cursor.Expect(':');
            switch (key)
            {
                case "descr":
                    if (cursor.Peek() is '[' or '(')
                        throw new CliUsageException($"{path}: the array has a structured dtype ({cursor.Rest()}): expected a plain '<f4' or '<f8' array");
                    descr = cursor.ReadString();
                    break;
                case "fortran_order":
                    fortran = cursor.ReadBoolean();
                    break;
                case "shape":
                    shape = cursor.ReadTuple();
                    break;
                default:
                    throw cursor.Error($"unexpected key '{key}'");
            }
            if (!cursor.TryTake(','))
            {
                cursor.Expect('}');
                break;
            }
        }
        if (descr is null || fortran is null || shape is null)
            throw cursor.Error("the header lacks one of 'descr', 'fortran_order' and 'shape'");
        return (descr, fortran.Value, shape);
    }
}
