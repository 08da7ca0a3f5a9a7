using System.CommandLine;
using System.CommandLine.Parsing;
using SparkCleanlab.Cli.Console;
using SparkCleanlab.CommandLine;
using SparkCleanlab.CommandLine.Help;
using SparkCleanlab.CommandLine.Parsing;
using SparkCleanlab.Local;
using SparkCleanlab.Local.MultiLabel;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli.Commands;

/// <summary><c>find-issues</c>: the main job, on the embedded engine.</summary>
public static class FindIssuesCommand
{
    private const string Description = "Find label issues; write cleaned/, issues/, summary.json, report.html.";

    /// <summary>The command, its options shared with the Spark driver through <see cref="FindIssuesDefinition"/>.</summary>
    public static Verb Create()
    {
        var definition = new FindIssuesDefinition();
        var command = definition.CreateCommand("find-issues", Description);
        command.SetAction((result, cancellationToken) => RunAsync(definition, result, cancellationToken));
        return new Verb(command, new CommandHelp(
            "sparkcleanlab find-issues [--input] PATH... --output FOLDER [options]",
            Description,
            definition.Groups,
            [
                "sparkcleanlab find-issues data/ --output out/",
                "sparkcleanlab find-issues 'data/*.parquet' --output out/ --probs-prefix p_ --classes cat,dog,fox --if-changed",
                "sparkcleanlab find-issues data/ --output out/ --method confident_learning --frac-noise 0.5 --invalid-rows quarantine",
                "sparkcleanlab find-issues features.parquet --output out/ --train --trainer lbfgs --folds 5",
                "sparkcleanlab find-issues tags/ --output out/ --multi-label --classes a,b,c",
            ]));
    }

    private static async Task<int> RunAsync(FindIssuesDefinition definition, ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var options = definition.Read(result);
        if (options.Explain)
        {
            return await ExplainAsync(options, output, cancellationToken);
        }

        if (options.Request.Engine == EngineKind.Spark)
        {
            await error.WriteLineAsync(
                "sparkcleanlab find-issues: the Spark engine is launched by spark-submit, not from here. Run:\n"
                + "  ./submit.sh --master <master-url> -- find-issues " + string.Join(' ', WithoutEngine(result.Tokens)) + "\n"
                + "or ./submit.sh --local ... to run the embedded engine.");
            return (int)ExitCode.Usage;
        }

        if (options.Request.IfChanged && await LocalEngine.IsUnchangedAsync(options.Request, cancellationToken))
        {
            await output.WriteLineAsync($"{options.Request.Output} is up to date: same input files and settings as its summary.json; nothing to do.");
            return (int)ExitCode.Success;
        }

        if (options.Request.Columns.MultiLabel)
        {
            var multiLabel = await ProgressDisplay.RunAsync(error, options.Progress,
                progress => MultiLabelEngine.RunAsync(options.Request, progress, cancellationToken, error));
            await output.WriteAsync(MultiLabelHealthSummary.Render(multiLabel));
            return (int)ExitCode.Success;
        }

        var run = await ProgressDisplay.RunAsync(error, options.Progress, async progress =>
        {
            var (request, probabilities) = options.Train is { } train
                ? await OutOfFoldTraining.RunAsync(options.Request, train, output, progress, cancellationToken)
                : (options.Request, null);
            return await LocalEngine.RunAsync(request, probabilities, progress, cancellationToken, error);
        });
        await output.WriteAsync(HealthSummary.Render(run));
        return (int)ExitCode.Success;
    }

    // The Spark engine's plan, recorded without Spark: the local engine has no SQL to show.
    private static async Task<int> ExplainAsync(FindIssuesOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.Request.Engine != EngineKind.Spark)
        {
            throw new UsageException("--explain shows the Spark engine's plan: add --engine spark.");
        }

        await output.WriteAsync(await SparkEngine.ExplainAsync(options.Request, cancellationToken));
        return (int)ExitCode.Success;
    }

    // The arguments as parsed, for the submit.sh line to copy: no verb, no --engine spark.
    private static IEnumerable<string> WithoutEngine(IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Option && tokens[i].Value == "--engine")
            {
                i++;
            }
            else if (tokens[i].Type != TokenType.Command)
            {
                yield return tokens[i].Value;
            }
        }
    }
}
