using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using SparkCleanlab.Cli.Commands;
using SparkCleanlab.CommandLine.Help;
using SparkCleanlab.CommandLine.Parsing;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.Parquet;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli;

/// <summary>
/// Dispatches to a command and turns its failures into one-line messages and exit codes
/// (<see cref="ExitCode"/>): stack traces only for bugs, or with <c>--verbose</c>.
/// </summary>
public static partial class CommandLine
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    /// <param name="args">The arguments, command first.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where messages and progress go.</param>
    /// <param name="cancellationToken">Cancelled by a signal.</param>
    /// <param name="signal">Which signal cancelled the run, read after cancellation: SIGTERM gives 143, anything else 130.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default, Func<ExitCode>? signal = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var verbs = Verbs.Create();
        var verboseOption = new Option<bool>("--verbose") { Description = "Print the stack trace with an error.", Arity = ArgumentArity.Zero, Recursive = true };
        var root = new RootCommand(Summary) { verboseOption };
        foreach (var verb in verbs)
        {
            root.Add(verb.Command);
        }

        var result = root.Parse(args);
        var command = verbs.FirstOrDefault(v => v.Command == result.CommandResult.Command);
        if (command is null)
        {
            if (args.Length == 0 || args[0] is "help" || HelpRequest.IsAsked(result))
            {
                await output.WriteAsync(Help(verbs));
                return (int)(args.Length == 0 ? ExitCode.Usage : ExitCode.Success);
            }

            // --version, the one option of the command line itself.
            if (result.Errors.Count == 0)
            {
                return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
            }

            await error.WriteLineAsync($"sparkcleanlab: unknown command '{args[0]}'. Commands: {string.Join(", ", verbs.Select(c => c.Name))}.");
            return (int)ExitCode.Usage;
        }

        if (HelpRequest.IsAsked(result))
        {
            HelpWriter.Write(command.Help with { Groups = [.. command.Help.Groups, new("Every command", [verboseOption, Help(root)])] }, output, HelpWriter.Width);
            return (int)ExitCode.Success;
        }

        var verbose = result.GetValue(verboseOption);
        var name = $"sparkcleanlab {command.Name}";
        try
        {
            if (UsageErrors.Find(result, args) is { } usage)
            {
                throw new UsageException(usage);
            }

            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await result.InvokeAsync(invocation, cancellationToken);
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

    // A failure is one line, so schedulers and log scrapers keep it whole: the native Parquet reader's messages span
    // lines and carry other control characters.
    private static async Task<int> FailAsync(TextWriter error, Exception e, bool verbose, ExitCode code, string message)
    {
        await error.WriteLineAsync(LineBreaks().Replace(message, " ").Trim());
        if (verbose)
        {
            await error.WriteLineAsync(e.ToString());
        }

        return (int)code;
    }

    [GeneratedRegex(@"\s*[\p{Cc}\p{Zl}\p{Zp}][\p{Cc}\p{Zl}\p{Zp}\s]*")]
    private static partial Regex LineBreaks();

    private const string Summary = "Finds label errors in classification data with confident learning (cleanlab's find_label_issues).";

    private static HelpOption Help(RootCommand root) => root.Options.OfType<HelpOption>().Single();

    private static string Help(IReadOnlyList<Verb> verbs) =>
        "Usage: sparkcleanlab <command> [options]   (sparkcleanlab <command> --help for its options)\n\n" + Summary + "\n\nCommands:\n"
        + string.Concat(verbs.Select(c => $"  {c.Name,-14}{c.Command.Description}\n"))
        + "\nEvery command also takes --verbose (stack traces with errors), --no-progress and --help.\n\n"
        + "Examples:\n  sparkcleanlab generate --output data/ --rows 100000\n  sparkcleanlab find-issues data/ --output out/\n  sparkcleanlab find-issues --help\n\n"
        + ExitCodeHelp.Text + "\n";
}
