using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Plan;
using System.Text;

namespace SparkCleanlab.Options.Parsing;

/// <summary>
/// Parses <c>find-issues</c> arguments into <see cref="FindIssuesOptions"/>, the same way for the local
/// job and the Spark job. Accepts <c>--name value</c>, <c>--name=value</c>, and inputs as positionals.
/// </summary>
public static class FindIssuesOptionsParser
{
    /// <summary>Parses the arguments (without the command name).</summary>
    /// <exception cref="UsageException">An unknown option, a missing or bad value, or options that contradict each other.</exception>
    public static FindIssuesOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FindIssuesOptions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                options = options with { Request = options.Request with { Inputs = [.. options.Request.Inputs, arg] } };
                continue;
            }

            var (name, inline) = Split(arg);
            var spec = FindIssuesOptionTable.Find(name) ?? throw new UsageException($"Unknown option '{name}'. Run with --help to see the options.");
            if (spec.Name != "--input" && !seen.Add(spec.Name))
            {
                throw new UsageException($"{spec.Name} is given twice.");
            }

            if (spec.IsFlag)
            {
                if (inline is not null)
                {
                    throw new UsageException($"{spec.Name} takes no value, got '{inline}'.");
                }

                options = spec.Apply(options, null);
                continue;
            }

            var value = inline ?? (i + 1 < args.Length && !IsOptionName(args[i + 1]) ? args[++i] : null);
            options = spec.Apply(options, value ?? throw new UsageException($"{spec.Name} needs a value ({spec.ValueName})."));
        }

        CheckConsistency(options);
        CheckTraining(options, seen);
        return options;
    }

    /// <summary>True when an argument asks for help.</summary>
    public static bool IsHelpRequested(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h");

    /// <summary>The option reference, generated from <see cref="FindIssuesOptionTable"/>.</summary>
    public static string HelpText()
    {
        var text = new StringBuilder();
        foreach (var (group, specs) in FindIssuesOptionTable.Groups)
        {
            text.Append(group).AppendLine(":");
            foreach (var spec in specs)
            {
                var left = spec.IsFlag ? spec.Name : $"{spec.Name} {spec.ValueName}";
                text.Append("  ").Append(left);
                text.Append(left.Length < 34 ? new string(' ', 34 - left.Length) : Environment.NewLine + new string(' ', 36));
                text.AppendLine(spec.Help);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    // A negative number is a value, not an option, so "--frac-noise -1" reports a range error.
    private static bool IsOptionName(string arg) => arg.StartsWith("--", StringComparison.Ordinal) || (arg.StartsWith('-') && arg.Length > 1 && !char.IsDigit(arg[1]) && arg[1] != '.');

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static void CheckTraining(FindIssuesOptions options, HashSet<string> seen)
    {
        if (options.Train is null)
        {
            return;
        }

        if (!seen.Contains("--train"))
        {
            var given = FindIssuesOptionTable.TrainingOptions.Select(o => o.Name).Where(seen.Contains);
            throw new UsageException($"{string.Join(", ", given)} only apply with --train.");
        }

        // The trained probabilities replace the probability column, so naming one is a contradiction.
        if (new[] { "--probs-column", "--probs-prefix", "--probs-columns" }.FirstOrDefault(seen.Contains) is { } probabilities)
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
