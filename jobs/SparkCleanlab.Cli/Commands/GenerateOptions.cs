using SparkCleanlab.Plan;
using SparkCleanlab.Options.Parsing;
using static SparkCleanlab.Options.Parsing.OptionValues;

namespace SparkCleanlab.Cli.Commands;

/// <summary>What <c>generate</c> writes.</summary>
public sealed record GenerateOptions
{
    /// <summary>Output folder for the part files.</summary>
    public string Output { get; init; } = "";

    /// <summary>Rows in all.</summary>
    public long Rows { get; init; } = 10_000;

    /// <summary>K.</summary>
    public int Classes { get; init; } = 3;

    /// <summary>Expected fraction of flipped labels.</summary>
    public double Noise { get; init; } = 0.1;

    /// <summary><c>array</c> (one list column) or <c>columns</c> (p_0..p_{K-1}).</summary>
    public string Layout { get; init; } = "array";

    /// <summary>Part files.</summary>
    public int Files { get; init; } = 1;

    /// <summary>Row groups per file.</summary>
    public int RowGroups { get; init; } = 1;

    /// <summary>Labels as class names (class_0...) instead of indices.</summary>
    public bool StringLabels { get; init; }

    /// <summary>Multi-label rows: a list of given classes per row (<see cref="MultiLabelGenerator"/>).</summary>
    public bool MultiLabel { get; init; }

    /// <summary>Informative numeric feature columns (feature_0...), so <c>find-issues --train</c> has something to learn from.</summary>
    public int Features { get; init; }

    /// <summary>Seed; the same seed writes the same rows.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Replace an existing output folder.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Probabilities as float32 instead of float64.</summary>
    public bool Float32 { get; init; }

    /// <summary><c>parquet</c> (part files) or <c>npy</c> (labels.npy + pred_probs.npy).</summary>
    public string Format { get; init; } = "parquet";

    /// <summary>The options, parsing and help share this table.</summary>
    public static IReadOnlyList<(string Name, string? Value, string Help, Func<GenerateOptions, string?, GenerateOptions> Apply)> Table { get; } =
    [
        ("--output", "FOLDER", "Folder for part-*.parquet or the .npy pair (required).", (o, v) => o with { Output = v! }),
        ("--rows", "N", "Rows (default 10000).", (o, v) => o with { Rows = long.TryParse(v, out var n) && n > 0 ? n : throw new UsageException($"--rows expects a whole number >= 1, got '{v}'.") }),
        ("--classes", "K", "Classes (default 3).", (o, v) => o with { Classes = Int("--classes", v!, 2) }),
        ("--noise", "FRACTION", "Fraction of flipped labels, in [0, 0.9) (default 0.1).", (o, v) => o with { Noise = Double("--noise", v!, x => x >= 0 && x < 0.9, "[0, 0.9)") }),
        ("--layout", "array|columns", "Probabilities as one list column pred_probs, or columns p_0..p_{K-1} (default array).",
            (o, v) => o with { Layout = v is "array" or "columns" ? v : throw new UsageException($"--layout must be array or columns, got '{v}'.") }),
        ("--files", "N", "Part files (default 1).", (o, v) => o with { Files = Int("--files", v!, 1) }),
        ("--row-groups", "N", "Row groups per file (default 1).", (o, v) => o with { RowGroups = Int("--row-groups", v!, 1) }),
        ("--features", "N", "Also write N informative feature columns feature_0..feature_{N-1}: the true class's mean plus Gaussian noise (default 0).", (o, v) => o with { Features = Int("--features", v!, 0) }),
        ("--string-labels", null, "Labels as class names class_0..class_{K-1}.", (o, _) => o with { StringLabels = true }),
        ("--multi-label", null, "Multi-label rows: labels and true_labels are lists of classes, pred_probs one independent probability per class.",
            (o, _) => o with { MultiLabel = true }),
        ("--seed", "N", "Seed (default 42).", (o, v) => o with { Seed = Int("--seed", v!, int.MinValue) }),
        ("--overwrite", null, "Replace an existing output folder.", (o, _) => o with { Overwrite = true }),
        // Every command takes the common options, so one script line can pass them to any command.
        ("--no-progress", null, "Never show progress (generate prints one line when done).", (o, _) => o),
        ("--float32", null, "Probabilities as float32 (default float64).", (o, _) => o with { Float32 = true }),
        ("--format", "parquet|npy", "Parquet part files, or labels.npy + pred_probs.npy as numpy.save writes them (default parquet).",
            (o, v) => o with { Format = v is "parquet" or "npy" ? v : throw new UsageException($"--format must be parquet or npy, got '{v}'.") }),
    ];

    /// <summary>Parses <c>generate</c>'s arguments.</summary>
    public static GenerateOptions Parse(string[] args)
    {
        var options = OptionTable.Parse("generate", args, new GenerateOptions(), Table);
        if (options.MultiLabel && options.Layout != "array")
        {
            throw new UsageException("--multi-label writes pred_probs as one list column; leave out --layout columns.");
        }

        return options.Output.Length > 0 ? options : throw new UsageException("No output: give --output FOLDER.");
    }
}
