
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Cli.Commands;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.Options.Parsing;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli;

/// <summary>
/// Dispatches to a command and turns its failures into one-line messages and exit codes
/// (<see cref="ExitCode"/>): stack traces only for bugs, or with <c>--verbose</c>.
/// </summary>
public static class CommandLine
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    /// <param name="args">The arguments, command first.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where messages and progress go.</param>
    /// <param name="cancellationToken">Cancelled by a signal.</param>
    /// <param name="signal">Which signal cancelled the run, read after cancellation: SIGTERM gives 143, anything else 130.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default, Func<ExitCode>? signal = null)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await output.WriteAsync(Help());
            return (int)(args.Length == 0 ? ExitCode.Usage : ExitCode.Success);
        }

        var command = CommandTable.Find(args[0]);
        if (command is null)
        {
            await error.WriteLineAsync($"sparkcleanlab: unknown command '{args[0]}'. Commands: {string.Join(", ", CommandTable.Commands.Select(c => c.Name))}.");
            return (int)ExitCode.Usage;
        }

        var verbose = args.Contains("--verbose");
        var rest = args[1..].Where(a => a != "--verbose").ToArray();
        if (FindIssuesOptionsParser.IsHelpRequested(rest))
        {
            await output.WriteAsync(command.Help());
            return (int)ExitCode.Success;
        }

        var name = $"sparkcleanlab {command.Name}";
        try
        {
            return await command.RunAsync(rest, output, error, cancellationToken);
        }
        catch (Exception e) when (e is UsageException or OutputFolderException)
        {
            return await FailAsync(error, e, verbose, ExitCode.Usage, $"{name}: {e.Message}");
        }
        // Training stops on the data too: a class too small to train on, or features too big for this machine.
        catch (Exception e) when (e is InputDataException or InvalidInputException or InsufficientClassDataException or DataTooLargeException)
        {
            return await FailAsync(error, e, verbose, ExitCode.Input, $"{name}: input error: {e.Message}");
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            var code = signal?.Invoke() ?? ExitCode.Interrupted;
            var which = code == ExitCode.Terminated ? "SIGTERM" : "SIGINT";
            return await FailAsync(error, e, verbose, code, $"{name}: stopped by {which}; nothing was published and the previous output, if any, is untouched.");
        }
        // Disk full, read-only or unwritable output, a held output lock: the machine, not the data, stopped the run.
        catch (Exception e) when (EnvironmentFailureException.Of(e) is { } failure)
        {
            return await FailAsync(error, e, verbose, ExitCode.Environment, $"{name}: environment or output failure: {failure.Message}");
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"{name}: internal failure (a bug; please report it with this trace): {e}");
            return (int)ExitCode.Internal;
        }
    }

    private static async Task<int> FailAsync(TextWriter error, Exception e, bool verbose, ExitCode code, string message)
    {
        await error.WriteLineAsync(message);
        if (verbose)
        {
            await error.WriteLineAsync(e.ToString());
        }

        return (int)code;
    }

    private static string Help() =>
        "Usage: sparkcleanlab <command> [options]   (sparkcleanlab <command> --help for its options)\n\nCommands:\n"
        + string.Concat(CommandTable.Commands.Select(c => $"  {c.Name,-14}{c.Summary}\n"))
        + "\nEvery command also takes --verbose (stack traces with errors), --no-progress and --help.\n\n" + ExitCodeHelp.Text + "\n";
}
