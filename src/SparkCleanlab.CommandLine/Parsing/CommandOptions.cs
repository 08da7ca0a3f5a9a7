using System.CommandLine;
using System.CommandLine.Parsing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>
/// Makes System.CommandLine options whose values convert through <see cref="ValueConverters"/>, so every bad value
/// is reported as the flag, the value and what is accepted, and whose help line states the default the run uses.
/// </summary>
public static class CommandOptions
{
    /// <summary>A flag: no value, false unless given.</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>An option with one value and no default (null unless given).</summary>
    /// <param name="name">The long name, with the leading dashes.</param>
    /// <param name="helpName">What the value looks like in help (<c>FRACTION</c>, <c>a|b</c>).</param>
    /// <param name="description">One line of help.</param>
    /// <param name="convert">Converts the value given to the flag; throws <see cref="UsageException"/> naming both.</param>
    public static Option<T> Value<T>(string name, string helpName, string description, Func<string, string, T> convert) =>
        new(name)
        {
            HelpName = helpName,
            Description = description,
            CustomParser = result => Convert(result, name, helpName, convert),
        };

    /// <summary>An option with one value and the default <paramref name="defaultValue"/>, which its help line states.</summary>
    /// <param name="name">The long name, with the leading dashes.</param>
    /// <param name="helpName">What the value looks like in help.</param>
    /// <param name="description">One line of help, without the default.</param>
    /// <param name="convert">Converts the value given to the flag; throws <see cref="UsageException"/> naming both.</param>
    /// <param name="defaultValue">The value when the option is not given: the engine's own default, so help cannot drift from it.</param>
    /// <param name="show">How help writes the default.</param>
    public static Option<T> Value<T>(string name, string helpName, string description, Func<string, string, T> convert, T defaultValue, Func<T, string> show)
    {
        ArgumentNullException.ThrowIfNull(show);
        var option = Value(name, helpName, $"{description} (default {show(defaultValue)}).", convert);
        option.DefaultValueFactory = _ => defaultValue;
        return option;
    }

    /// <summary>An option taking one of the snake_case names of <typeparamref name="TEnum"/> (<see cref="ReferenceNames"/>).</summary>
    public static Option<TEnum> Choice<TEnum>(string name, string description, TEnum defaultValue)
        where TEnum : struct, Enum =>
        Value(name, ValueConverters.ChoicesOf<TEnum>(), description, ValueConverters.Choice<TEnum>, defaultValue, v => v.ReferenceName());

    // A value that looks like an option means the value was left out: "--frac-noise --overwrite" reports the
    // missing fraction rather than "--overwrite" as a bad number. A negative number is a value.
    private static T Convert<T>(ArgumentResult result, string name, string helpName, Func<string, string, T> convert)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (result.Tokens.Count == 0 || LooksLikeOption(value))
        {
            result.AddError($"{name} needs a value ({helpName}).");
            return default!;
        }

        try
        {
            return convert(name, value);
        }
        catch (UsageException e)
        {
            result.AddError(e.Message);
            return default!;
        }
    }

    /// <summary>True for <c>--name</c> or <c>-x</c>, false for a value such as <c>-1</c>, <c>-.5</c> or <c>-</c>.</summary>
    public static bool LooksLikeOption(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.StartsWith("--", StringComparison.Ordinal) || (token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]) && token[1] != '.');
    }
}
