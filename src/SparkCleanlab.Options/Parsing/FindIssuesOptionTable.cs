using SparkCleanlab.Plan;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;
using static SparkCleanlab.Options.Parsing.OptionValues;

namespace SparkCleanlab.Options.Parsing;

/// <summary>
/// Every option of <c>find-issues</c>, in help order. Parsing and help both read this one table,
/// so an option cannot be accepted without being documented, or documented without being accepted.
/// </summary>
public static class FindIssuesOptionTable
{
    /// <summary>The options of <c>--train</c>; every one but <c>--train</c> itself needs it.</summary>
    public static IReadOnlyList<OptionSpec> TrainingOptions { get; } =
    [
        new("--train", null, "Compute out-of-fold probabilities from feature columns with ML.NET instead of reading a probability column (local engine, one input).",
            (o, _) => Training(o, t => t)),
        new("--trainer", TrainingHelp.TrainerValues, TrainingHelp.Trainer, (o, v) => Training(o, t => t with { Trainer = v! })),
        new("--folds", "N", TrainingHelp.Folds, (o, v) => Training(o, t => t with { Folds = Int("--folds", v!, 2) })),
        new("--seed", "N", TrainingHelp.Seed, (o, v) => Training(o, t => t with { Seed = Int("--seed", v!, 0) })),
        new("--features", "A,B,...", TrainingHelp.Features,
            (o, v) => Training(o, t => t with { Features = Names("--features", v!) })),
        new("--categorical", "A,B,...", TrainingHelp.Categorical, (o, v) => Training(o, t => t with { Categorical = Names("--categorical", v!) })),
        new("--text", "A,B,...", TrainingHelp.Text, (o, v) => Training(o, t => t with { Text = Names("--text", v!) })),
        new("--write-probabilities", null, "Also write the out-of-fold probabilities to every output, as columns p_0..p_{K-1}.",
            (o, _) => Training(o, t => t with { WriteProbabilities = true })),
    ];

    /// <summary>The options, grouped as the help shows them.</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<OptionSpec> Options)> Groups { get; } =
    [
        ("Input and output",
        [
            new("--input", "PATH", "Parquet file, folder, glob or Hive folders, a labels.npy + pred_probs.npy folder, or an .npz with labels and pred_probs; repeatable, or positional.",
                (o, v) => o with { Request = o.Request with { Inputs = [.. o.Request.Inputs, v!] } }),
            new("--output", "FOLDER", "Output folder: cleaned/, issues/, invalid/, summary.json, report.html, _SUCCESS.", (o, v) => o with { Request = o.Request with { Output = v! } }),
            new("--overwrite", null, "Replace an existing output folder.", (o, _) => o with { Request = o.Request with { Overwrite = true } }),
            new("--if-changed", null, "Do nothing (exit 0) when the output's summary.json records the same input files, sizes, times and settings; otherwise replace the output (implies --overwrite). For scheduled reruns.",
                (o, _) => o with { Request = o.Request with { IfChanged = true, Overwrite = true } }),
            new("--annotated", null, "Also write annotated/: every valid row with the new columns.", (o, _) => o with { Request = o.Request with { Annotated = true } }),
        ]),
        ("Columns",
        [
            new("--label-column", "NAME", "Given-label column, int 0..K-1 or string (default label).", (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { Label = v! } } }),
            new("--probs-column", "NAME", "One list column of K probabilities (default pred_probs).", (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { ProbabilitiesColumn = v! } } }),
            new("--probs-prefix", "PREFIX", "K probability columns PREFIX0..PREFIX{K-1} (default tries p_ then p).", (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { ProbabilityPrefix = v! } } }),
            new("--probs-columns", "A,B,...", "The K probability columns, in class order.", (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { ProbabilityColumns = Names("--probs-columns", v!) } } }),
            new("--id-column", "NAME", "An id column that must exist (it passes through like any column).", (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { Id = v! } } }),
            new("--classes", "A,B,...", "Class names in class-index order, for string labels.", (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { Classes = Names("--classes", v!) } } }),
            new("--multi-label", null, "Multi-label data: each row has any number of given classes, as a list in --label-column (indices, or names with --classes) or as --label-columns (local engine).",
                (o, _) => o with { Request = o.Request with { Columns = o.Request.Columns with { MultiLabel = true } } }),
            new("--label-columns", "A,B,...", "With --multi-label: one 0/1 or boolean column per class, in class order; the names are the class names.",
                (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { LabelColumns = Names("--label-columns", v!) } } }),
            new("--num-classes", "K", "The number of classes (default: inferred from the probabilities).", (o, v) => o with { Request = o.Request with { Columns = o.Request.Columns with { ClassCount = Int("--num-classes", v!, 2) } } }),
        ]),
        ("Confident learning (cleanlab's find_label_issues)",
        [
            new("--method", ChoicesOf<FilterMethod>(), "How issues are chosen, cleanlab's filter_by (default prune_by_noise_rate).",
                (o, v) => o with { Request = o.Request with { Issues = o.Request.Issues with { Method = Choice<FilterMethod>("--method", v!) } } }),
            new("--rank-by", ChoicesOf<RankingMethod>(), "The label_quality score that orders issues (default self_confidence).",
                (o, v) => o with { Request = o.Request with { Issues = o.Request.Issues with { RankBy = Choice<RankingMethod>("--rank-by", v!) } } }),
            new("--frac-noise", "FRACTION", "Fraction of the estimated noise to flag, in (0, 1] (default 1).",
                (o, v) => o with { Request = o.Request with { Issues = o.Request.Issues with { FracNoise = Double("--frac-noise", v!, x => x > 0 && x <= 1, "(0, 1]") } } }),
            new("--num-to-remove-per-class", "N0,N1,...", "Exact issues per given class, one count per class (prune methods only).",
                (o, v) => o with { Request = o.Request with { Issues = o.Request.Issues with { NumToRemovePerClass = Counts("--num-to-remove-per-class", v!) } } }),
            new("--min-examples-per-class", "N", "Rows each class keeps; smaller classes are never pruned (default 1).",
                (o, v) => o with { Request = o.Request with { Issues = o.Request.Issues with { MinExamplesPerClass = Int("--min-examples-per-class", v!, 0) } } }),
            new("--adjust-pred-probs", null, "Score with probabilities adjusted by the class thresholds.", (o, _) => o with { Request = o.Request with { Issues = o.Request.Issues with { AdjustPredProbs = true } } }),
        ]),
        ("Validation",
        [
            new("--invalid-rows", ChoicesOf<InvalidRowPolicy>(), "fail stops at the first invalid row; quarantine writes invalid rows to invalid/ (default fail).",
                (o, v) => o with { Request = o.Request with { InvalidRows = Choice<InvalidRowPolicy>("--invalid-rows", v!) } }),
            new("--sum-tolerance", "EPS", "Largest accepted distance of a row's probability sum from 1, in [0, 1) (default 1e-4).",
                (o, v) => o with { Request = o.Request with { SumTolerance = Double("--sum-tolerance", v!, x => x >= 0 && x < 1, "[0, 1)") } }),
        ]),
        ("Training (when there is no probability column)", TrainingOptions),
        ("Execution",
        [
            new("--engine", "local|spark", "local runs embedded (default); spark is launched by submit.sh / spark-submit.", (o, v) => o with { Request = o.Request with { Engine = Engine(v!) } }),
            new("--threads", "N", "Worker threads of the local engine (default: all cores).", (o, v) => o with { Request = o.Request with { Execution = o.Request.Execution with { Threads = Int("--threads", v!, 1) } } }),
            new("--memory-mb", "N", "MiB of working memory M the local engine shares out (default 1024): the row cache takes at most min(--row-cache-mb, M/2), only when the whole input fits; each batch in flight reserves 4 x its decoded bytes, rows x (13 + 8K) plus its columns (a .npy batch decodes to at most M/16); the issue merge takes M/4. Threads wait for it, and the confident-joint and selection states are one copy shared by every thread, so peak memory does not grow with --threads. See docs/local-engine.md.",
                (o, v) => o with { Request = o.Request with { Execution = o.Request.Execution with { MemoryMegabytes = Int("--memory-mb", v!, 64) } } }),
            new("--batch-rows", "N", "Rows per batch for .npy input, at most; wide rows get fewer, so a batch decodes to at most --memory-mb / 8 (Parquet is read by row group; default 65536).", (o, v) => o with { Request = o.Request with { Execution = o.Request.Execution with { BatchRows = Int("--batch-rows", v!, 1) } } }),
            new("--row-cache-mb", "N", "MiB the local engine may use to keep the decoded rows between passes, at most half of --memory-mb, when the whole input fits (float32 probabilities take half; default 512; 0 re-reads every pass).", (o, v) => o with { Request = o.Request with { Execution = o.Request.Execution with { RowCacheMegabytes = Int("--row-cache-mb", v!, 0) } } }),
            new("--no-progress", null, "Never show progress, even on a terminal.", (o, _) => o with { Progress = false }),
        ]),
    ];

    /// <summary>The option called <paramref name="name"/>, or null.</summary>
    public static OptionSpec? Find(string name) =>
        Groups.SelectMany(g => g.Options).FirstOrDefault(o => o.Name == name);

    // A training option may come before --train, so each one starts the settings if needed.
    private static FindIssuesOptions Training(FindIssuesOptions options, Func<TrainSettings, TrainSettings> change) =>
        options with { Train = change(options.Train ?? new TrainSettings()) };

    private static EngineKind Engine(string value) =>
        value is "local" ? EngineKind.Local : value is "spark" ? EngineKind.Spark : throw new UsageException($"--engine must be local or spark, got '{value}'.");
}
