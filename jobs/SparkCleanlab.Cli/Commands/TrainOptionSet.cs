using System.CommandLine;
using SparkCleanlab.CommandLine.Parsing;
using SparkCleanlab.ML.Parquet;
using SparkCleanlab.ML.Trainers;
using SparkCleanlab.Plan;
using static SparkCleanlab.CommandLine.Parsing.ValueConverters;

namespace SparkCleanlab.Cli.Commands;

/// <summary>The options of <c>train</c>: the training options it shares with <c>find-issues --train</c>, and its own.</summary>
internal sealed class TrainOptionSet
{
    private static readonly FeatureReadOptions Defaults = new();

    /// <summary>Checks <c>--trainer</c> against the trainer catalogue as soon as it is parsed.</summary>
    public TrainOptionSet() => Training.Trainer.Validators.Add(result =>
    {
        if (result.Tokens.Count > 0 && TrainerError(result.Tokens[0].Value) is { } error)
        {
            result.AddError(error);
        }
    });

    /// <summary><c>--input</c>.</summary>
    public Option<string> Input { get; } = CommandOptions.Value("--input", "PATH", "Parquet file, folder or glob with the label and feature columns (required).", (_, v) => v);

    /// <summary><c>--output</c>.</summary>
    public Option<string> Output { get; } = CommandOptions.Value("--output", "FOLDER", "Model folder: model.zip, classes.json, issues.json, _SUCCESS (required).", (_, v) => v);

    /// <summary>The options shared with <c>find-issues --train</c>.</summary>
    public TrainingOptionSet Training { get; } = new();

    /// <summary><c>--label-column</c>.</summary>
    public Option<string> LabelColumn { get; } = CommandOptions.Value("--label-column", "NAME", "Given-label column, int 0..K-1 or string", (_, v) => v, Defaults.LabelColumn, v => v);

    /// <summary><c>--id-column</c>.</summary>
    public Option<string?> IdColumn { get; } = CommandOptions.Value<string?>("--id-column", "NAME", "The id column, never a feature by default", (_, v) => v, Defaults.IdColumn, v => v ?? "none");

    /// <summary><c>--classes</c>.</summary>
    public Option<IReadOnlyList<string>?> Classes { get; } = CommandOptions.Value<IReadOnlyList<string>?>("--classes", "A,B,...",
        "Class names in class-index order (default: string labels sorted).", Names);

    /// <summary><c>--overwrite</c>.</summary>
    public Option<bool> Overwrite { get; } = CommandOptions.Flag("--overwrite", "Replace an existing model folder.");

    /// <summary><c>--no-progress</c>.</summary>
    public Option<bool> NoProgress { get; } = CommandOptions.Flag("--no-progress", "Never show progress, even on a terminal.");

    /// <summary>Every option, in help order.</summary>
    public IReadOnlyList<Option> All => [Input, Output, .. Training.All, LabelColumn, IdColumn, Classes, Overwrite, NoProgress];

    /// <summary>The options of an error-free parse.</summary>
    /// <exception cref="UsageException">No input or no output.</exception>
    public TrainOptions Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = new TrainOptions
        {
            Input = result.GetValue(Input) ?? "",
            Output = result.GetValue(Output) ?? "",
            Trainer = MulticlassTrainer.Parse(result.GetRequiredValue(Training.Trainer)).Name,
            Folds = result.GetValue(Training.Folds),
            Seed = result.GetValue(Training.Seed),
            Columns = new FeatureReadOptions
            {
                LabelColumn = result.GetRequiredValue(LabelColumn),
                IdColumn = result.GetValue(IdColumn),
                Features = result.GetValue(Training.Features),
                Categorical = result.GetValue(Training.Categorical) ?? [],
                Text = result.GetValue(Training.Text) ?? [],
                Classes = result.GetValue(Classes),
            },
            Overwrite = result.GetValue(Overwrite),
            Progress = !result.GetValue(NoProgress),
        };
        return options switch
        {
            { Input.Length: 0 } => throw new UsageException("No input: give --input PATH."),
            { Output.Length: 0 } => throw new UsageException("No output: give --output FOLDER."),
            _ => options,
        };
    }

    /// <summary>Why <paramref name="name"/> is no trainer, as <c>--trainer: ...</c>, or null for a known trainer.</summary>
    public static string? TrainerError(string name)
    {
        try
        {
            MulticlassTrainer.Parse(name);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"--trainer: {e.Message.Split(" (Parameter", 2)[0]}";
        }
    }
}
