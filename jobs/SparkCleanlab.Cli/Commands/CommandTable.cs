namespace SparkCleanlab.Cli.Commands;

/// <summary>The commands, in help order. <c>train</c> and <c>find-issues --train</c> join here.</summary>
public static class CommandTable
{
    /// <summary>Every command.</summary>
    public static IReadOnlyList<Command> Commands { get; } =
    [
        FindIssuesCommand.Command,
        GenerateCommand.Command,
        TrainCommand.Command,
    ];

    /// <summary>The command called <paramref name="name"/>, or null.</summary>
    public static Command? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);
}
