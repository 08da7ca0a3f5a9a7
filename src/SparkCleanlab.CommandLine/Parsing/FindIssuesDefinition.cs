using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SparkCleanlab.CommandLine.Help;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Plan;
using static SparkCleanlab.CommandLine.Parsing.ValueConverters;

namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>
/// Every option of <c>find-issues</c>, defined once for the local command line and the Spark driver: the options
/// (with their defaults, taken from the request types), their help groups, and how a parse becomes
/// <see cref="FindIssuesOptions"/>. Help and parsing read the same options, so an option cannot be accepted
/// without being documented.
/// </summary>
public sealed class FindIssuesDefinition
{
    private static readonly FindIssuesRequest Defaults = new();

    /// <summary>Creates the options; each definition's options belong to the one command they are added to.</summary>
    public FindIssuesDefinition()
    {
        Paths.Validators.Add(RefuseOptionLikePaths);
        Groups =
        [
            new("Input and output", [Input, Output, Overwrite, IfChanged, Annotated]),
            new("Columns", [LabelColumn, ProbsColumn, ProbsPrefix, ProbsColumns, IdColumn, Classes, MultiLabel, LabelColumns, NumClasses]),
            new("Confident learning (cleanlab's find_label_issues)", [Method, RankBy, FracNoise, NumToRemovePerClass, MinExamplesPerClass, AdjustPredProbs]),
            new("Validation", [InvalidRows, SumTolerance]),
            new("Training (when there is no probability column)", [Train, .. Training.All, WriteProbabilities]),
            new("Execution", [Engine, Explain, Threads, MemoryMb, BatchRows, RowCacheMb, NoProgress]),
        ];
    }

    /// <summary>The inputs given as arguments, as many as wanted.</summary>
    public Argument<string[]> Paths { get; } = new("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "The inputs, as --input takes them." };

    /// <summary><c>--input</c>, repeatable.</summary>
    public Option<string[]> Input { get; } = new("--input")
    {
        HelpName = "PATH",
        Description = "Parquet file, folder, glob or Hive folders, a labels.npy + pred_probs.npy folder, or an .npz with labels and pred_probs; repeatable, or positional.",
    };

    /// <summary><c>--output</c>.</summary>
    public Option<string> Output { get; } = CommandOptions.Value("--output", "FOLDER", "Output folder: cleaned/, issues/, invalid/, summary.json, report.html, _SUCCESS.", (_, v) => v);

    /// <summary><c>--overwrite</c>.</summary>
    public Option<bool> Overwrite { get; } = CommandOptions.Flag("--overwrite", "Replace an existing output folder.");

    /// <summary><c>--if-changed</c>.</summary>
    public Option<bool> IfChanged { get; } = CommandOptions.Flag("--if-changed",
        "Do nothing (exit 0) when the output's summary.json records the same input files, sizes, times and settings; otherwise replace the output (implies --overwrite). For scheduled reruns.");

    /// <summary><c>--annotated</c>.</summary>
    public Option<bool> Annotated { get; } = CommandOptions.Flag("--annotated", "Also write annotated/: every valid row with the new columns.");

    /// <summary><c>--label-column</c>.</summary>
    public Option<string> LabelColumn { get; } = CommandOptions.Value("--label-column", "NAME", "Given-label column, int 0..K-1 or string", (_, v) => v, Defaults.Columns.Label, v => v);

    /// <summary><c>--probs-column</c>.</summary>
    public Option<string> ProbsColumn { get; } = CommandOptions.Value("--probs-column", "NAME", "One list column of K probabilities", (_, v) => v, Defaults.Columns.ProbabilitiesColumn, v => v);

    /// <summary><c>--probs-prefix</c>.</summary>
    public Option<string?> ProbsPrefix { get; } = CommandOptions.Value<string?>("--probs-prefix", "PREFIX", "K probability columns PREFIX0..PREFIX{K-1} (default tries p_ then p).", (_, v) => v);

    /// <summary><c>--probs-columns</c>.</summary>
    public Option<IReadOnlyList<string>?> ProbsColumns { get; } = CommandOptions.Value<IReadOnlyList<string>?>("--probs-columns", "A,B,...", "The K probability columns, in class order.", Names);

    /// <summary><c>--id-column</c>.</summary>
    public Option<string?> IdColumn { get; } = CommandOptions.Value<string?>("--id-column", "NAME", "An id column that must exist (it passes through like any column).", (_, v) => v);

    /// <summary><c>--classes</c>.</summary>
    public Option<IReadOnlyList<string>?> Classes { get; } = CommandOptions.Value<IReadOnlyList<string>?>("--classes", "A,B,...", "Class names in class-index order, for string labels.", Names);

    /// <summary><c>--multi-label</c>.</summary>
    public Option<bool> MultiLabel { get; } = CommandOptions.Flag("--multi-label",
        "Multi-label data: each row has any number of given classes, as a list in --label-column (indices, or names with --classes) or as --label-columns (local engine).");

    /// <summary><c>--label-columns</c>.</summary>
    public Option<IReadOnlyList<string>?> LabelColumns { get; } = CommandOptions.Value<IReadOnlyList<string>?>("--label-columns", "A,B,...",
        "With --multi-label: one 0/1 or boolean column per class, in class order; the names are the class names.", Names);

    /// <summary><c>--num-classes</c>.</summary>
    public Option<int?> NumClasses { get; } = CommandOptions.Value<int?>("--num-classes", "K", "The number of classes (default: inferred from the probabilities).", (o, v) => Int(o, v, 2));

    /// <summary><c>--method</c>.</summary>
    public Option<FilterMethod> Method { get; } = CommandOptions.Choice("--method", "How issues are chosen, cleanlab's filter_by", Defaults.Issues.Method);

    /// <summary><c>--rank-by</c>.</summary>
    public Option<RankingMethod> RankBy { get; } = CommandOptions.Choice("--rank-by", "The label_quality score that orders issues", Defaults.Issues.RankBy);

    /// <summary><c>--frac-noise</c>.</summary>
    public Option<double> FracNoise { get; } = CommandOptions.Value("--frac-noise", "FRACTION", "Fraction of the estimated noise to flag, in (0, 1]",
        (o, v) => Double(o, v, x => x > 0 && x <= 1, "(0, 1]"), Defaults.Issues.FracNoise, Show);

    /// <summary><c>--num-to-remove-per-class</c>.</summary>
    public Option<IReadOnlyList<long>?> NumToRemovePerClass { get; } = CommandOptions.Value<IReadOnlyList<long>?>("--num-to-remove-per-class", "N0,N1,...",
        "Exact issues per given class, one count per class (prune methods only).", Counts);

    /// <summary><c>--min-examples-per-class</c>.</summary>
    public Option<int> MinExamplesPerClass { get; } = CommandOptions.Value("--min-examples-per-class", "N", "Rows each class keeps; smaller classes are never pruned",
        (o, v) => Int(o, v, 0), Defaults.Issues.MinExamplesPerClass, Show);

    /// <summary><c>--adjust-pred-probs</c>.</summary>
    public Option<bool> AdjustPredProbs { get; } = CommandOptions.Flag("--adjust-pred-probs", "Score with probabilities adjusted by the class thresholds.");

    /// <summary><c>--invalid-rows</c>.</summary>
    public Option<InvalidRowPolicy> InvalidRows { get; } = CommandOptions.Choice("--invalid-rows",
        "fail stops at the first invalid row; quarantine writes invalid rows to invalid/", Defaults.InvalidRows);

    /// <summary><c>--sum-tolerance</c>.</summary>
    public Option<double> SumTolerance { get; } = CommandOptions.Value("--sum-tolerance", "EPS", "Largest accepted distance of a row's probability sum from 1, in [0, 1)",
        (o, v) => Double(o, v, x => x >= 0 && x < 1, "[0, 1)"), Defaults.SumTolerance, Show);

    /// <summary><c>--train</c>.</summary>
    public Option<bool> Train { get; } = CommandOptions.Flag("--train",
        "Compute out-of-fold probabilities from feature columns with ML.NET instead of reading a probability column (local engine, one input).");

    /// <summary>The options of <c>--train</c> that <c>train</c> shares; each one needs <c>--train</c>.</summary>
    public TrainingOptionSet Training { get; } = new();

    /// <summary><c>--write-probabilities</c>; needs <c>--train</c>.</summary>
    public Option<bool> WriteProbabilities { get; } = CommandOptions.Flag("--write-probabilities",
        "Also write the out-of-fold probabilities to every output, as columns p_0..p_{K-1}.");

    /// <summary><c>--engine</c>.</summary>
    public Option<EngineKind> Engine { get; } = CommandOptions.Value("--engine", "local|spark",
        "local runs embedded; spark is launched by submit.sh / spark-submit", EngineKindOf, Defaults.Engine, v => v == EngineKind.Spark ? "spark" : "local");

    /// <summary><c>--explain</c>.</summary>
    public Option<bool> Explain { get; } = CommandOptions.Flag("--explain",
        "With --engine spark: print every stage's Spark SQL and DataFrame operations, with sizes, without starting Spark, and exit 0. "
        + "Stage results (thresholds, cutoffs) are placeholders; a remote input needs --num-classes.");

    /// <summary><c>--threads</c>.</summary>
    public Option<int?> Threads { get; } = CommandOptions.Value<int?>("--threads", "N", "Worker threads of the local engine (default: all cores).", (o, v) => Int(o, v, 1));

    /// <summary><c>--memory-mb</c>.</summary>
    public Option<int> MemoryMb { get; } = CommandOptions.Value("--memory-mb", "N",
        "MiB of working memory M the local engine shares out: the row cache takes at most min(--row-cache-mb, M/2), only when the whole input fits; each batch in flight reserves 4 x its decoded bytes, rows x (5 + 8K) plus its columns (a batch decodes to at most M/16, or 1,024 rows: a larger Parquet row group is read in slices of rows); the issue merge takes M/4 (all issues stay in memory when they fit it, else they are spilled to disk). Threads wait for it, and the confident-joint and selection states are one copy shared by every thread, so peak memory does not grow with --threads; see docs/local-engine.md",
        (o, v) => Int(o, v, 64), Defaults.Execution.MemoryMegabytes, Show);

    /// <summary><c>--batch-rows</c>.</summary>
    public Option<int> BatchRows { get; } = CommandOptions.Value("--batch-rows", "N",
        "Rows per batch for .npy input, at most; wide rows get fewer, so a batch decodes to at most --memory-mb / 16, or 1,024 rows (Parquet is read by row group, and a row group that decodes to more in slices of rows that fit)",
        (o, v) => Int(o, v, 1), Defaults.Execution.BatchRows, Show);

    /// <summary><c>--row-cache-mb</c>.</summary>
    public Option<int> RowCacheMb { get; } = CommandOptions.Value("--row-cache-mb", "N",
        "MiB the local engine may use to keep the decoded rows between passes, at most half of --memory-mb, when the whole input fits (float32 probabilities take half; 0 re-reads every pass)",
        (o, v) => Int(o, v, 0), Defaults.Execution.RowCacheMegabytes, Show);

    /// <summary><c>--no-progress</c>.</summary>
    public Option<bool> NoProgress { get; } = CommandOptions.Flag("--no-progress", "Never show progress, even on a terminal.");

    /// <summary>The options, grouped as help shows them.</summary>
    public IReadOnlyList<OptionGroup> Groups { get; }

    /// <summary>A command called <paramref name="name"/> that takes every option and the input paths.</summary>
    public Command CreateCommand(string name, string description)
    {
        var command = new Command(name, description);
        AddTo(command);
        return command;
    }

    /// <summary>Adds every option and the input paths to <paramref name="command"/> (a root command, for a driver without verbs).</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Paths);
        foreach (var option in Groups.SelectMany(g => g.Options))
        {
            command.Add(option);
        }
    }

    /// <summary>Parses <c>find-issues</c> arguments (without the verb), as the Spark driver and tests do.</summary>
    /// <exception cref="UsageException">A bad or unknown option, a missing value, or options that contradict each other.</exception>
    public FindIssuesOptions Parse(IReadOnlyList<string> args)
    {
        var result = ParseAlone(args);
        return UsageErrors.Find(result, args) is { } error ? throw new UsageException(error) : Read(result);
    }

    /// <summary>True when <paramref name="args"/> (without the verb) ask for help.</summary>
    public bool IsHelpAsked(IReadOnlyList<string> args) => HelpRequest.IsAsked(ParseAlone(args));

    // A root command of these options alone, for a driver whose only job is find-issues.
    private ParseResult ParseAlone(IReadOnlyList<string> args)
    {
        var command = new RootCommand();
        AddTo(command);
        return command.Parse(args);
    }

    /// <summary>The options of an error-free parse (<see cref="UsageErrors.Find"/> found none).</summary>
    /// <exception cref="UsageException">Options that contradict each other, or no input or output.</exception>
    public FindIssuesOptions Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var request = new FindIssuesRequest
        {
            Inputs = InputsInOrder(result),
            Output = result.GetValue(Output) ?? "",
            Overwrite = result.GetValue(Overwrite) || result.GetValue(IfChanged),
            IfChanged = result.GetValue(IfChanged),
            Annotated = result.GetValue(Annotated),
            Columns = new InputColumns
            {
                Label = result.GetRequiredValue(LabelColumn),
                ProbabilitiesColumn = result.GetRequiredValue(ProbsColumn),
                ProbabilityPrefix = result.GetValue(ProbsPrefix),
                ProbabilityColumns = result.GetValue(ProbsColumns),
                Id = result.GetValue(IdColumn),
                Classes = result.GetValue(Classes),
                MultiLabel = result.GetValue(MultiLabel),
                LabelColumns = result.GetValue(LabelColumns),
                ClassCount = result.GetValue(NumClasses),
            },
            Issues = new LabelIssueOptions
            {
                Method = result.GetValue(Method),
                RankBy = result.GetValue(RankBy),
                FracNoise = result.GetValue(FracNoise),
                NumToRemovePerClass = result.GetValue(NumToRemovePerClass),
                MinExamplesPerClass = result.GetValue(MinExamplesPerClass),
                AdjustPredProbs = result.GetValue(AdjustPredProbs),
            },
            InvalidRows = result.GetValue(InvalidRows),
            SumTolerance = result.GetValue(SumTolerance),
            Engine = result.GetValue(Engine),
            Execution = new ExecutionSettings
            {
                Threads = result.GetValue(Threads),
                MemoryMegabytes = result.GetValue(MemoryMb),
                BatchRows = result.GetValue(BatchRows),
                RowCacheMegabytes = result.GetValue(RowCacheMb),
            },
        };
        var given = Given(result);
        var options = new FindIssuesOptions { Request = request, Train = TrainSettingsOf(result, given), Explain = result.GetValue(Explain), Progress = !result.GetValue(NoProgress) };
        FindIssuesChecks.Run(options, given, TrainingOptionNames);
        return options;
    }

    // Training settings exist when any training option is given, so the checks can say which ones lack --train.
    private TrainSettings? TrainSettingsOf(ParseResult result, HashSet<string> given)
    {
        if (!given.Contains(Train.Name) && !TrainingOptionNames.Any(given.Contains))
        {
            return null;
        }

        return new TrainSettings
        {
            Trainer = result.GetRequiredValue(Training.Trainer),
            Folds = result.GetValue(Training.Folds),
            Seed = result.GetValue(Training.Seed),
            Features = result.GetValue(Training.Features),
            Categorical = result.GetValue(Training.Categorical) ?? [],
            Text = result.GetValue(Training.Text) ?? [],
            WriteProbabilities = result.GetValue(WriteProbabilities),
        };
    }

    /// <summary>The names of the options that need <c>--train</c>, in help order.</summary>
    public IEnumerable<string> TrainingOptionNames => Training.All.Append(WriteProbabilities).Select(o => o.Name);

    // The names of the options on the command line, as the checks name them.
    private HashSet<string> Given(ParseResult result) =>
        Groups.SelectMany(g => g.Options).Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

    // --input and positional paths interleave; the run reads them in the order given.
    private IReadOnlyList<string> InputsInOrder(ParseResult result)
    {
        var tokens = (result.GetResult(Input)?.Tokens ?? []).Concat(result.GetResult(Paths)?.Tokens ?? []).ToHashSet(ReferenceEqualityComparer.Instance);
        return result.Tokens.Where(tokens.Contains).Select(t => t.Value).ToArray();
    }

    // Every unknown "--name" would otherwise be read as an input path.
    private static void RefuseOptionLikePaths(ArgumentResult result)
    {
        if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-') && t.Value != "-") is { } token)
        {
            result.AddError(UsageErrors.UnknownOption(token.Value));
        }
    }

    private static EngineKind EngineKindOf(string option, string value) =>
        value is "local" ? EngineKind.Local : value is "spark" ? EngineKind.Spark : throw new UsageException($"{option} must be local or spark, got '{value}'.");

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
