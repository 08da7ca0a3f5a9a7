namespace SparkCleanlab.Cli.Commands;

/// <summary>One command of the command line.</summary>
/// <param name="Name">What the user types (<c>find-issues</c>).</param>
/// <param name="Summary">One line for the command list.</param>
/// <param name="Help">The command's full help, options included.</param>
/// <param name="RunAsync">Runs the command with its arguments; returns the exit code.</param>
public sealed record Command(string Name, string Summary, Func<string> Help, Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>> RunAsync);
