using SparkCleanlab.CommandLine.Parsing;

namespace SparkCleanlab.CommandLine.Help;

/// <summary>What a command's <c>--help</c> says beyond its options' own lines.</summary>
/// <param name="Usage">The usage line, without <c>Usage: </c>.</param>
/// <param name="Description">What the command does, in a sentence or two.</param>
/// <param name="Groups">The options under their headings, in help order.</param>
/// <param name="Examples">Command lines to copy, each one line.</param>
public sealed record CommandHelp(string Usage, string Description, IReadOnlyList<OptionGroup> Groups, IReadOnlyList<string> Examples);
