using System.CommandLine;
using System.Globalization;
using SparkCleanlab.CommandLine.Parsing;
using SparkCleanlab.Plan;
using static SparkCleanlab.CommandLine.Parsing.ValueConverters;

namespace SparkCleanlab.Cli.Commands;

/// <summary>The options of <c>generate</c>, with the defaults of <see cref="GenerateOptions"/>.</summary>
public sealed class GenerateOptionSet
{
    private static readonly GenerateOptions Defaults = new();

    /// <summary><c>--output</c>.</summary>
    public Option<string> Output { get; } = CommandOptions.Value("--output", "FOLDER", "Folder for part-*.parquet or the .npy pair (required).", (_, v) => v);

    /// <summary><c>--rows</c>.</summary>
    public Option<long> Rows { get; } = CommandOptions.Value("--rows", "N", "Rows", RowCount, Defaults.Rows, Show);

    /// <summary><c>--classes</c>.</summary>
    public Option<int> Classes { get; } = CommandOptions.Value("--classes", "K", "Classes", (o, v) => Int(o, v, 2), Defaults.Classes, Show);

    /// <summary><c>--noise</c>.</summary>
    public Option<double> Noise { get; } = CommandOptions.Value("--noise", "FRACTION", "Fraction of flipped labels, in [0, 0.9)",
        (o, v) => Double(o, v, x => x >= 0 && x < 0.9, "[0, 0.9)"), Defaults.Noise, v => v.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>--layout</c>.</summary>
    public Option<string> Layout { get; } = CommandOptions.Value("--layout", "array|columns", "Probabilities as one list column pred_probs, or columns p_0..p_{K-1}",
        (o, v) => OneOf(o, v, "array", "columns"), Defaults.Layout, v => v);

    /// <summary><c>--files</c>.</summary>
    public Option<int> Files { get; } = CommandOptions.Value("--files", "N", "Part files", (o, v) => Int(o, v, 1), Defaults.Files, Show);

    /// <summary><c>--row-groups</c>.</summary>
    public Option<int> RowGroups { get; } = CommandOptions.Value("--row-groups", "N", "Row groups per file", (o, v) => Int(o, v, 1), Defaults.RowGroups, Show);

    /// <summary><c>--features</c>.</summary>
    public Option<int> Features { get; } = CommandOptions.Value("--features", "N",
        "Also write N informative feature columns feature_0..feature_{N-1}: the true class's mean plus Gaussian noise", (o, v) => Int(o, v, 0), Defaults.Features, Show);

    /// <summary><c>--string-labels</c>.</summary>
    public Option<bool> StringLabels { get; } = CommandOptions.Flag("--string-labels", "Labels as class names class_0..class_{K-1}.");

    /// <summary><c>--multi-label</c>.</summary>
    public Option<bool> MultiLabel { get; } = CommandOptions.Flag("--multi-label",
        "Multi-label rows: labels and true_labels are lists of classes, pred_probs one independent probability per class.");

    /// <summary><c>--seed</c>.</summary>
    public Option<int> Seed { get; } = CommandOptions.Value("--seed", "N", "Seed", (o, v) => Int(o, v, int.MinValue), Defaults.Seed, Show);

    /// <summary><c>--overwrite</c>.</summary>
    public Option<bool> Overwrite { get; } = CommandOptions.Flag("--overwrite", "Replace an existing output folder.");

    /// <summary><c>--no-progress</c>: every command takes it, so one script line can pass it to any command.</summary>
    public Option<bool> NoProgress { get; } = CommandOptions.Flag("--no-progress", "Never show progress (generate prints one line when done).");

    /// <summary><c>--float32</c>.</summary>
    public Option<bool> Float32 { get; } = CommandOptions.Flag("--float32", "Probabilities as float32 (default float64).");

    /// <summary><c>--format</c>.</summary>
    public Option<string> Format { get; } = CommandOptions.Value("--format", "parquet|npy",
        "Parquet part files, or labels.npy + pred_probs.npy as numpy.save writes them", (o, v) => OneOf(o, v, "parquet", "npy"), Defaults.Format, v => v);

    /// <summary>Every option, in help order.</summary>
    public IReadOnlyList<Option> All =>
        [Output, Rows, Classes, Noise, Layout, Files, RowGroups, Features, StringLabels, MultiLabel, Seed, Overwrite, NoProgress, Float32, Format];

    /// <summary>The options of an error-free parse.</summary>
    /// <exception cref="UsageException">No output, or options that contradict each other.</exception>
    public GenerateOptions Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = new GenerateOptions
        {
            Output = result.GetValue(Output) ?? "",
            Rows = result.GetValue(Rows),
            Classes = result.GetValue(Classes),
            Noise = result.GetValue(Noise),
            Layout = result.GetRequiredValue(Layout),
            Files = result.GetValue(Files),
            RowGroups = result.GetValue(RowGroups),
            Features = result.GetValue(Features),
            StringLabels = result.GetValue(StringLabels),
            MultiLabel = result.GetValue(MultiLabel),
            Seed = result.GetValue(Seed),
            Overwrite = result.GetValue(Overwrite),
            Float32 = result.GetValue(Float32),
            Format = result.GetRequiredValue(Format),
        };
        if (options.MultiLabel && options.Layout != "array")
        {
            throw new UsageException("--multi-label writes pred_probs as one list column; leave out --layout columns.");
        }

        return options.Output.Length > 0 ? options : throw new UsageException("No output: give --output FOLDER.");
    }

    private static long RowCount(string option, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows) && rows > 0
            ? rows
            : throw new UsageException($"{option} expects a whole number >= 1, got '{value}'.");

    private static string OneOf(string option, string value, string first, string second) =>
        value == first || value == second ? value : throw new UsageException($"{option} must be {first} or {second}, got '{value}'.");

    private static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
}
