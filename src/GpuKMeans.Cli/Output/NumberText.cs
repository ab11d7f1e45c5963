using System.Globalization;

namespace GpuKMeans.Cli.Output;

/// <summary>How numbers are written: always with the invariant culture.</summary>
internal static class NumberText
{
    /// <summary>A value for people to read: six significant digits.</summary>
    public static string Short(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>An inertia for people to read: ten significant digits.</summary>
    public static string Long(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>A float written so that parsing it gives back the same float.</summary>
    public static string RoundTrip(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer in the invariant culture.</summary>
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"yes" or "no".</summary>
    public static string YesNo(bool value) => value ? "yes" : "no";
}
