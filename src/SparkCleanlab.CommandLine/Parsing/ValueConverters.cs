using System.Globalization;
using SparkCleanlab.Plan;

namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>Converts option values, throwing <see cref="UsageException"/> with the option's name and the accepted values.</summary>
public static class ValueConverters
{
    /// <summary>An int at least <paramref name="minimum"/>.</summary>
    public static int Int(string option, string value, int minimum)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            throw new UsageException($"{option} expects a whole number, got '{value}'.");
        }

        return parsed >= minimum ? parsed : throw new UsageException($"{option} must be at least {minimum}, got {parsed}.");
    }

    /// <summary>A finite double in the range the predicate accepts; <paramref name="range"/> describes it for the message.</summary>
    public static double Double(string option, string value, Func<double, bool> accepts, string range)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
        {
            throw new UsageException($"{option} expects a number, got '{value}'.");
        }

        return accepts(parsed) ? parsed : throw new UsageException($"{option} must be in {range}, got {value}.");
    }

    /// <summary>A comma-separated list of non-empty names.</summary>
    public static IReadOnlyList<string> Names(string option, string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
        {
            throw new UsageException($"{option} expects a comma-separated list of names, got '{value}'.");
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new UsageException($"{option} lists a name twice: '{value}'.");
        }

        return names;
    }

    /// <summary>A comma-separated list of non-negative counts.</summary>
    public static IReadOnlyList<long> Counts(string option, string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var counts = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]))
            {
                throw new UsageException($"{option} expects comma-separated counts >= 0, got '{value}'.");
            }
        }

        return counts;
    }

    /// <summary>One of the snake_case names of <typeparamref name="TEnum"/>'s members.</summary>
    public static TEnum Choice<TEnum>(string option, string value)
        where TEnum : struct, Enum =>
        ReferenceNames.Parse<TEnum>(value) ?? throw new UsageException($"{option} must be one of {ChoicesOf<TEnum>()}, got '{value}'.");

    /// <summary>The accepted names of <typeparamref name="TEnum"/>, separated by '|'.</summary>
    public static string ChoicesOf<TEnum>()
        where TEnum : struct, Enum =>
        string.Join('|', ReferenceNames.All<TEnum>());
}
