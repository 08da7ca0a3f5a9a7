using System.CommandLine;
using System.CommandLine.Parsing;

namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>
/// The first thing wrong with a parse, said as the user typed it: the flag, the bad value and what to do. Option
/// values report their own errors (<see cref="CommandOptions"/>); this adds what only the whole command line shows.
/// </summary>
public static class UsageErrors
{
    /// <summary>The message for an unknown option.</summary>
    public static string UnknownOption(string name) => $"Unknown option '{name}'. Run with --help to see the options.";

    /// <summary>The first usage error of <paramref name="result"/>, or null when there is none.</summary>
    /// <param name="result">The parse.</param>
    /// <param name="args">The arguments as given, which still show <c>--flag=value</c>.</param>
    public static string? Find(ParseResult result, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(args);
        var options = InScope(result.CommandResult);
        return FlagWithValue(options, args)
            ?? GivenTwice(options, result)
            ?? result.UnmatchedTokens.Select(t => t.StartsWith('-') ? UnknownOption(t) : $"Unexpected argument '{t}'. Run with --help to see the usage.").FirstOrDefault()
            ?? result.Errors.Select(Describe).FirstOrDefault();
    }

    private static string Describe(ParseError error) =>
        error.SymbolResult is OptionResult { Tokens.Count: 0 } missing && missing.Option.Arity.MinimumNumberOfValues > 0
            ? $"{missing.Option.Name} needs a value ({missing.Option.HelpName})."
            : error.Message;

    // The parser splits "--overwrite=yes" into the flag and a stray argument; the user wrote a value for a flag.
    private static string? FlagWithValue(IReadOnlyList<Option> options, IReadOnlyList<string> args) =>
        args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2)
            .Select(p => Named(options, p[0]) is { Arity.MaximumNumberOfValues: 0 } flag ? $"{flag.Name} takes no value, got '{p[1]}'." : null)
            .FirstOrDefault(m => m is not null);

    private static string? GivenTwice(IReadOnlyList<Option> options, ParseResult result) =>
        result.Tokens.Where(t => t.Type == TokenType.Option)
            .Select(t => Named(options, t.Value))
            .Where(o => o is not null && o.Arity.MaximumNumberOfValues <= 1)
            .GroupBy(o => o!.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} is given twice.")
            .FirstOrDefault();

    private static Option? Named(IReadOnlyList<Option> options, string name) =>
        options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));

    // The command's options and those its ancestors share with it.
    private static List<Option> InScope(CommandResult command)
    {
        var options = new List<Option>();
        for (SymbolResult? result = command; result is CommandResult c; result = c.Parent)
        {
            options.AddRange(c.Command.Options.Where(o => ReferenceEquals(c, command) || o.Recursive));
        }

        return options;
    }
}
