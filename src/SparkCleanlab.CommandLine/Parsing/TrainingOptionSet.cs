using System.CommandLine;
using System.Globalization;
using static SparkCleanlab.CommandLine.Parsing.ValueConverters;

namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>
/// The training options that <c>find-issues --train</c> and <c>train</c> share; each command makes its own set,
/// since an option belongs to the command it is added to.
/// </summary>
public sealed class TrainingOptionSet
{
    private static readonly TrainSettings Defaults = new();

    /// <summary><c>--trainer</c>: any name here; the trainer catalogue checks it when training starts.</summary>
    public Option<string> Trainer { get; } = CommandOptions.Value("--trainer", TrainingHelp.TrainerValues, TrainingHelp.Trainer, (_, v) => v, Defaults.Trainer, v => v);

    /// <summary><c>--folds</c>, at least 2.</summary>
    public Option<int> Folds { get; } = CommandOptions.Value("--folds", "N", TrainingHelp.Folds, (o, v) => Int(o, v, 2), Defaults.Folds, Show);

    /// <summary><c>--seed</c>, at least 0.</summary>
    public Option<int> Seed { get; } = CommandOptions.Value("--seed", "N", TrainingHelp.Seed, (o, v) => Int(o, v, 0), Defaults.Seed, Show);

    /// <summary><c>--features</c>; null takes every numeric column but the label, id and probability columns.</summary>
    public Option<IReadOnlyList<string>?> Features { get; } = CommandOptions.Value<IReadOnlyList<string>?>("--features", "A,B,...", TrainingHelp.Features, Names);

    /// <summary><c>--categorical</c>.</summary>
    public Option<IReadOnlyList<string>?> Categorical { get; } = CommandOptions.Value<IReadOnlyList<string>?>("--categorical", "A,B,...", TrainingHelp.Categorical, Names);

    /// <summary><c>--text</c>.</summary>
    public Option<IReadOnlyList<string>?> Text { get; } = CommandOptions.Value<IReadOnlyList<string>?>("--text", "A,B,...", TrainingHelp.Text, Names);

    /// <summary>Every option of the set, in help order.</summary>
    public IReadOnlyList<Option> All => [Trainer, Folds, Seed, Features, Categorical, Text];

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
