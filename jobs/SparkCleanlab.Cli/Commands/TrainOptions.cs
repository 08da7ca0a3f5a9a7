using SparkCleanlab.Plan;
using SparkCleanlab.ML.Parquet;
using SparkCleanlab.ML.Trainers;
using SparkCleanlab.Options.Parsing;
using static SparkCleanlab.Options.Parsing.OptionValues;

namespace SparkCleanlab.Cli.Commands;

/// <summary>What <c>train</c> reads, how it trains, and where the model goes.</summary>
internal sealed record TrainOptions
{
    /// <summary>The Parquet input: a file, a folder of part files, or a glob.</summary>
    public string Input { get; init; } = "";

    /// <summary>The model folder (model.zip, classes.json, issues.json, _SUCCESS).</summary>
    public string Output { get; init; } = "";

    /// <summary>The ML.NET trainer's command-line name.</summary>
    public string Trainer { get; init; } = "lbfgs";

    /// <summary>Stratified folds of the out-of-fold step.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the folds and every model: the same seed gives the same model.</summary>
    public int Seed { get; init; }

    /// <summary>Which columns are the label and the features.</summary>
    public FeatureReadOptions Columns { get; init; } = new();

    /// <summary>Replace an existing model folder.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Show training progress on stderr when it is a terminal.</summary>
    public bool Progress { get; init; } = true;

    /// <summary>The options, parsing and help share this table.</summary>
    public static IReadOnlyList<(string Name, string? Value, string Help, Func<TrainOptions, string?, TrainOptions> Apply)> Table { get; } =
    [
        ("--input", "PATH", "Parquet file, folder or glob with the label and feature columns (required).", (o, v) => o with { Input = v! }),
        ("--output", "FOLDER", "Model folder: model.zip, classes.json, issues.json, _SUCCESS (required).", (o, v) => o with { Output = v! }),
        ("--trainer", TrainingHelp.TrainerValues, TrainingHelp.Trainer, (o, v) => o with { Trainer = TrainerName(v!) }),
        ("--folds", "N", TrainingHelp.Folds, (o, v) => o with { Folds = Int("--folds", v!, 2) }),
        ("--seed", "N", TrainingHelp.Seed, (o, v) => o with { Seed = Int("--seed", v!, 0) }),
        ("--features", "A,B,...", TrainingHelp.Features,
            (o, v) => o with { Columns = o.Columns with { Features = Names("--features", v!) } }),
        ("--categorical", "A,B,...", TrainingHelp.Categorical, (o, v) => o with { Columns = o.Columns with { Categorical = Names("--categorical", v!) } }),
        ("--text", "A,B,...", TrainingHelp.Text, (o, v) => o with { Columns = o.Columns with { Text = Names("--text", v!) } }),
        ("--label-column", "NAME", "Given-label column, int 0..K-1 or string (default label).", (o, v) => o with { Columns = o.Columns with { LabelColumn = v! } }),
        ("--id-column", "NAME", "The id column, never a feature by default (default id).", (o, v) => o with { Columns = o.Columns with { IdColumn = v! } }),
        ("--classes", "A,B,...", "Class names in class-index order (default: string labels sorted).", (o, v) => o with { Columns = o.Columns with { Classes = Names("--classes", v!) } }),
        ("--overwrite", null, "Replace an existing model folder.", (o, _) => o with { Overwrite = true }),
        ("--no-progress", null, "Never show progress, even on a terminal.", (o, _) => o with { Progress = false }),
    ];

    /// <summary>Parses <c>train</c>'s arguments.</summary>
    /// <exception cref="UsageException">An unknown option, a missing or bad value, no input or no output.</exception>
    public static TrainOptions Parse(string[] args)
    {
        var options = OptionTable.Parse("train", args, new TrainOptions(), Table);
        return options switch
        {
            { Input.Length: 0 } => throw new UsageException("No input: give --input PATH."),
            { Output.Length: 0 } => throw new UsageException("No output: give --output FOLDER."),
            _ => options,
        };
    }

    private static string TrainerName(string value)
    {
        try
        {
            return MulticlassTrainer.Parse(value).Name;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--trainer: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
