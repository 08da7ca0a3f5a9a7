using System.CommandLine;
using SparkCleanlab.CommandLine.Help;

namespace SparkCleanlab.Cli.Commands;

/// <summary>One command of the command line: its System.CommandLine command (options and action) and its help.</summary>
/// <param name="Command">The command, with its action set.</param>
/// <param name="Help">What its <c>--help</c> shows.</param>
public sealed record Verb(Command Command, CommandHelp Help)
{
    /// <summary>The name the user types (<c>find-issues</c>).</summary>
    public string Name => Command.Name;
}
