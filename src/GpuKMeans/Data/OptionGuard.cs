namespace GpuKMeans.Data;

/// <summary>Throw helpers for option checks: the exception's parameter name is the option's, the message quotes the value.</summary>
internal static class OptionGuard
{
    /// <summary>Throws unless <paramref name="value"/> is null or at least <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below the minimum.</exception>
    public static void AtLeast(int? value, int minimum, string option, string nullMeaning = "")
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(option, value, $"{option} must be at least {minimum}{nullMeaning}, got {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and non-negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public static void FiniteNonNegative(double value, string option)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(option, value, $"{option} must be finite and non-negative, got {value}.");
    }

    /// <summary>Throws unless <paramref name="value"/> is a named member of its enum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public static void Defined<TEnum>(TEnum value, string option) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new ArgumentOutOfRangeException(option, value, $"Unknown {option} {value}.");
    }
}
