using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Plan;

namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>The checks of <c>find-issues</c> options against each other, once each value parsed on its own.</summary>
public static class FindIssuesChecks
{
    /// <summary>Throws on the first contradiction.</summary>
    /// <param name="options">The parsed options.</param>
    /// <param name="given">The names of the options on the command line.</param>
    /// <param name="trainingOptions">The names of the options that need <c>--train</c>, in help order.</param>
    /// <exception cref="UsageException">Options that contradict each other, or no input or output.</exception>
    public static void Run(FindIssuesOptions options, IReadOnlySet<string> given, IEnumerable<string> trainingOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(given);
        CheckConsistency(options);
        CheckTraining(options, given, trainingOptions);
    }

    private static void CheckTraining(FindIssuesOptions options, IReadOnlySet<string> given, IEnumerable<string> trainingOptions)
    {
        if (options.Train is null)
        {
            return;
        }

        if (!given.Contains("--train"))
        {
            throw new UsageException($"{string.Join(", ", trainingOptions.Where(given.Contains))} only apply with --train.");
        }

        // The trained probabilities replace the probability column, so naming one is a contradiction.
        if (new[] { "--probs-column", "--probs-prefix", "--probs-columns" }.FirstOrDefault(given.Contains) is { } probabilities)
        {
            throw new UsageException($"--train computes the probabilities; leave out {probabilities}, or leave out --train to read them.");
        }

        if (options.Request.Engine == EngineKind.Spark)
        {
            throw new UsageException("--train runs on the local engine only; the Spark engine reads predictions from a probability column.");
        }

        if (options.Request.Inputs.Count > 1)
        {
            throw new UsageException($"--train reads one input (a file, folder or glob), got {options.Request.Inputs.Count}.");
        }
    }

    private static void CheckConsistency(FindIssuesOptions commandLine)
    {
        var options = commandLine.Request;
        if (options.Inputs.Count == 0)
        {
            throw new UsageException("No input: give --input PATH (or the path as an argument).");
        }

        if (options.Output.Length == 0)
        {
            throw new UsageException("No output: give --output FOLDER.");
        }

        var columns = options.Columns;
        if (columns.ProbabilityPrefix is not null && columns.ProbabilityColumns is not null)
        {
            throw new UsageException("Give --probs-prefix or --probs-columns, not both.");
        }

        CheckMultiLabel(commandLine);
        var classCounts = new (string Option, int? Count)[]
        {
            ("--label-columns", columns.LabelColumns?.Count),
            ("--num-classes", columns.ClassCount),
            ("--classes", columns.Classes?.Count),
            ("--probs-columns", columns.ProbabilityColumns?.Count),
            ("--num-to-remove-per-class", options.Issues.NumToRemovePerClass?.Count),
        }.Where(c => c.Count is not null).ToArray();
        if (classCounts.Select(c => c.Count).Distinct().Count() > 1)
        {
            throw new UsageException($"The class counts disagree: {string.Join(", ", classCounts.Select(c => $"{c.Option} gives {c.Count}"))}.");
        }

        if (classCounts.Length > 0 && classCounts[0].Count < 2)
        {
            throw new UsageException($"{classCounts[0].Option} gives {classCounts[0].Count} classes; confident learning needs at least 2.");
        }

        try
        {
            options.Issues.Validate(classCounts.Length > 0 ? classCounts[0].Count!.Value : 2);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Replace("num_to_remove_per_class", "--num-to-remove-per-class", StringComparison.Ordinal)
                .Replace("adjust_pred_probs", "--adjust-pred-probs", StringComparison.Ordinal));
        }
    }

    private static void CheckMultiLabel(FindIssuesOptions commandLine)
    {
        var options = commandLine.Request;
        if (!options.Columns.MultiLabel)
        {
            if (options.Columns.LabelColumns is not null)
            {
                throw new UsageException("--label-columns gives multi-label memberships; add --multi-label.");
            }

            return;
        }

        var refused = new (bool Given, string Option)[]
        {
            (options.Engine == EngineKind.Spark, "--engine spark"),
            (commandLine.Train is not null, "--train"),
            (options.Annotated, "--annotated"),
            (options.Issues.Method == FilterMethod.LowSelfConfidenceBatched, "--method low_self_confidence_batched"),
        }.Where(r => r.Given).Select(r => r.Option).ToArray();
        if (refused.Length > 0)
        {
            throw new UsageException($"{string.Join(", ", refused)} cannot be used with --multi-label, which runs on the local engine over a probability column.");
        }
    }
}
