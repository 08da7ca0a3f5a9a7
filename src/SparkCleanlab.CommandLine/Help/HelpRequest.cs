using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace SparkCleanlab.CommandLine.Help;

/// <summary>Whether a command line asks for help.</summary>
public static class HelpRequest
{
    /// <summary>True when a help option (<c>--help</c>, <c>-h</c>, <c>-?</c>) is anywhere on the line: help wins over errors in the rest.</summary>
    public static bool IsAsked(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var help = result.RootCommandResult.Command.Options.OfType<HelpOption>().FirstOrDefault();
        return help is not null && result.Tokens.Any(t => t.Type == TokenType.Option && (t.Value == help.Name || help.Aliases.Contains(t.Value)));
    }
}
