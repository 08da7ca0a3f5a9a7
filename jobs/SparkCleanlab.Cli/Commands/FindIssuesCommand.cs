using SparkCleanlab.Plan;
using SparkCleanlab.Cli.Console;
using SparkCleanlab.Local;
using SparkCleanlab.Local.MultiLabel;
using SparkCleanlab.Options.Parsing;
using SparkCleanlab.SparkPlan.Explain;

namespace SparkCleanlab.Cli.Commands;

/// <summary><c>find-issues</c>: the main job, on the embedded engine.</summary>
public static class FindIssuesCommand
{
    /// <summary>The command's table entry.</summary>
    public static Command Command { get; } = new("find-issues", "Find label issues; write cleaned/, issues/, summary.json, report.html.", Help, RunAsync);

    private static string Help() =>
        "Usage: sparkcleanlab find-issues [--input] PATH... --output FOLDER [options]\n\n"
        + FindIssuesOptionsParser.HelpText() + ExitCodeHelp.Text + "\n";

    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = FindIssuesOptionsParser.Parse(args);
        if (options.Explain)
        {
            return await ExplainAsync(options, output, cancellationToken);
        }

        if (options.Request.Engine == EngineKind.Spark)
        {
            await error.WriteLineAsync(
                "sparkcleanlab find-issues: the Spark engine is launched by spark-submit, not from here. Run:\n"
                + "  ./submit.sh --master <master-url> -- find-issues " + string.Join(' ', args.Where(a => a is not "spark" and not "--engine" && !a.StartsWith("--engine=", StringComparison.Ordinal))) + "\n"
                + "or ./submit.sh --local ... to run the embedded engine.");
            return (int)ExitCode.Usage;
        }

        if (options.Request.IfChanged && await LocalEngine.IsUnchangedAsync(options.Request, cancellationToken))
        {
            await output.WriteLineAsync($"{options.Request.Output} is up to date: same input files and settings as its summary.json; nothing to do.");
            return (int)ExitCode.Success;
        }

        using var progress = ProgressRenderer.For(error, options.Progress);
        if (options.Request.Columns.MultiLabel)
        {
            var multiLabel = await MultiLabelEngine.RunAsync(options.Request, progress, cancellationToken, error);
            progress?.Finish();
            await output.WriteAsync(MultiLabelHealthSummary.Render(multiLabel));
            return (int)ExitCode.Success;
        }

        var (request, probabilities) = options.Train is { } train
            ? await OutOfFoldTraining.RunAsync(options.Request, train, output, progress, cancellationToken)
            : (options.Request, null);
        var result = await LocalEngine.RunAsync(request, probabilities, progress, cancellationToken, error);
        progress?.Finish();
        await output.WriteAsync(HealthSummary.Render(result));
        return (int)ExitCode.Success;
    }

    // The Spark engine's plan, recorded without Spark: the local engine has no SQL to show.
    private static async Task<int> ExplainAsync(Options.FindIssuesOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.Request.Engine != EngineKind.Spark)
        {
            throw new UsageException("--explain shows the Spark engine's plan: add --engine spark.");
        }

        if (options.Request.Columns.MultiLabel)
        {
            throw new UsageException("--explain shows the Spark engine's plan, and --multi-label runs on the local engine only.");
        }

        var plan = await SparkExplain.RunAsync(options.Request, cancellationToken);
        await output.WriteAsync(plan.Render());
        return (int)ExitCode.Success;
    }
}
