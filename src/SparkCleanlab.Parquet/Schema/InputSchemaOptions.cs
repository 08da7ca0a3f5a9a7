using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Schema;

/// <summary>
/// Where the label, the predicted probabilities and the id live in the input. Every name has a default that
/// matches what cleanlab users usually have; any of them can be overridden from the command line.
/// </summary>
internal sealed record InputSchemaOptions
{
    /// <summary>Name of the given-label column: an integer class index or a class name string.</summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>Name of the single list column holding one probability per class.</summary>
    public string ProbabilityColumn { get; init; } = "pred_probs";

    /// <summary>
    /// Prefix of per-class probability columns. Unset, <see cref="DefaultProbabilityPrefixes"/> are tried with
    /// numeric suffixes 0..K-1. Set, the suffixes may also be class names (<c>p_cat</c>, <c>p_dog</c>).
    /// </summary>
    public string? ProbabilityPrefix { get; init; }

    /// <summary>Explicit per-class probability columns in class order; their names double as class names.</summary>
    public IReadOnlyList<string>? ProbabilityColumns { get; init; }

    /// <summary>Optional id column; when set it must exist. It passes through like any other column.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Class names in class-index order; needed for string labels unless probability columns name the classes.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>The number of classes K when known; the inferred K must agree.</summary>
    public int? ClassCount { get; init; }

    /// <summary>
    /// Probabilities held in memory, used instead of probability columns (Parquet input only); null reads them from
    /// the columns above. K is theirs.
    /// </summary>
    public ProvidedProbabilities? ProvidedProbabilities { get; init; }

    /// <summary>
    /// Multi-label input: each row has any number of given classes, as a list in
    /// <see cref="LabelColumn"/> (class indices or names) or as <see cref="LabelColumns"/>.
    /// </summary>
    public bool MultiLabel { get; init; }

    /// <summary>Multi-label memberships as one 0/1 or boolean column per class, in class order; the columns name the classes.</summary>
    public IReadOnlyList<string>? LabelColumns { get; init; }

    /// <summary>Rows per batch when reading <c>.npy</c> input (Parquet input is batched by row group).</summary>
    public int NpyBatchRows { get; init; } = 65_536;

    /// <summary>
    /// The most bytes one batch may decode to (<see cref="Reading.InputPartition.DecodedBytes"/>). Wide <c>.npy</c>
    /// rows (large K) get fewer rows per batch than <see cref="NpyBatchRows"/>, never fewer than 1,024; a Parquet
    /// row group that decodes to more is read in slices of rows that each fit.
    /// </summary>
    public long BatchBytes { get; init; } = long.MaxValue;

    /// <summary>
    /// Batches carry the columns only, for rows read again just to be copied (the issue spill): labels and
    /// probabilities are neither decoded nor checked, and <see cref="Reading.InputBatch.ClassCount"/> is 0.
    /// </summary>
    public bool ColumnsOnly { get; init; }

    /// <summary>Prefixes tried, in order, for per-class probability columns when no layout option is given.</summary>
    public static IReadOnlyList<string> DefaultProbabilityPrefixes { get; } = ["p_", "p"];
}
