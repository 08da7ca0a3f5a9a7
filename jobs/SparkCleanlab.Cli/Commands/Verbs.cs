namespace SparkCleanlab.Cli.Commands;

/// <summary>The commands, in help order.</summary>
public static class Verbs
{
    /// <summary>A fresh set of every command; each parse builds its own, since options belong to one command.</summary>
    public static IReadOnlyList<Verb> Create() => [FindIssuesCommand.Create(), GenerateCommand.Create(), TrainCommand.Create()];
}
