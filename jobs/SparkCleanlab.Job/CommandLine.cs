using SparkCleanlab.Core.Validation;
using SparkCleanlab.Job.Commands;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.Options.Parsing;
using SparkCleanlab.Parquet;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Job;

/// <summary>Dispatches to a command and turns its failures into messages and exit codes.</summary>
public static class CommandLine
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await output.WriteAsync(Help());
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var command = CommandTable.Find(args[0]);
        if (command is null)
        {
            await error.WriteLineAsync($"sparkcleanlab: unknown command '{args[0]}'. Commands: {string.Join(", ", CommandTable.Commands.Select(c => c.Name))}.");
            return ExitCodes.Usage;
        }

        var rest = args[1..];
        if (FindIssuesOptionsParser.IsHelpRequested(rest))
        {
            await output.WriteAsync(command.Help());
            return ExitCodes.Ok;
        }

        try
        {
            return await command.RunAsync(rest, output, error, cancellationToken);
        }
        catch (Exception e) when (e is UsageException or OutputFolderException)
        {
            await error.WriteLineAsync($"sparkcleanlab {command.Name}: {e.Message}");
            return ExitCodes.Usage;
        }
        // Training stops on the data too: a class too small to train on, or features too big for this machine.
        catch (Exception e) when (e is InputDataException or InvalidInputException or InsufficientClassDataException or DataTooLargeException)
        {
            await error.WriteLineAsync($"sparkcleanlab {command.Name}: input error: {e.Message}");
            return ExitCodes.Input;
        }
        // Disk full, read-only or unwritable output, a held output lock: the machine, not the data, stopped the run.
        catch (Exception e) when (EnvironmentFailureException.Of(e) is { } failure)
        {
            await error.WriteLineAsync($"sparkcleanlab {command.Name}: environment or output failure: {failure.Message}");
            return ExitCodes.Environment;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync($"sparkcleanlab {command.Name}: internal failure: {e}");
            return ExitCodes.Internal;
        }
    }

    private static string Help() =>
        "Usage: sparkcleanlab <command> [options]   (sparkcleanlab <command> --help for its options)\n\nCommands:\n"
        + string.Concat(CommandTable.Commands.Select(c => $"  {c.Name,-14}{c.Summary}\n"))
        + "\n" + ExitCodes.Help + "\n";
}
