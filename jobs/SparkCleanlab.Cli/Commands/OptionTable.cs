using SparkCleanlab.Plan;
using System.Text;
using SparkCleanlab.Options.Parsing;

namespace SparkCleanlab.Cli.Commands;

/// <summary>
/// Parsing and help for the small commands (<c>generate</c>, <c>train</c>), read from one option
/// table each, so an option cannot be accepted without being documented. <c>find-issues</c>, with
/// positional and repeatable inputs, has its own parser in SparkCleanlab.Options.
/// </summary>
public static class OptionTable
{
    /// <summary>Applies <paramref name="args"/> (<c>--name value</c> or <c>--name=value</c>) to <paramref name="options"/>.</summary>
    /// <exception cref="UsageException">An unknown option or a missing value.</exception>
    public static TOptions Parse<TOptions>(
        string command, string[] args, TOptions options, IReadOnlyList<(string Name, string? Value, string Help, Func<TOptions, string?, TOptions> Apply)> table)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].IndexOf('=') is var eq and >= 0 ? (args[i][..eq], args[i][(eq + 1)..]) : (args[i], null);
            var spec = table.FirstOrDefault(t => t.Name == name);
            if (spec.Name is null)
            {
                throw new UsageException($"Unknown option '{name}'. Run {command} --help to see the options.");
            }

            var value = spec.Value is null ? null : inline ?? (i + 1 < args.Length ? args[++i] : throw new UsageException($"{name} needs a value ({spec.Value})."));
            options = spec.Apply(options, value);
        }

        return options;
    }

    /// <summary>The usage line, one line per option (a long name wraps its help to the next line), then the exit codes.</summary>
    public static string Help<TOptions>(string usage, IReadOnlyList<(string Name, string? Value, string Help, Func<TOptions, string?, TOptions> Apply)> table)
    {
        var text = new StringBuilder($"Usage: {usage}\n\nOptions:\n");
        foreach (var (name, value, help, _) in table)
        {
            var left = value is null ? name : $"{name} {value}";
            text.Append(left.Length < 34 ? $"  {left,-34}" : $"  {left}\n{new string(' ', 36)}").Append(help).Append('\n');
        }

        return text.Append('\n').Append(ExitCodeHelp.Text).Append('\n').ToString();
    }
}
