using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Options;

/// <summary>
/// Everything <c>find-issues</c> needs, whichever engine runs it: parsed once from the command
/// line and shared by the local job and the Spark job, so both accept exactly the same options.
/// </summary>
public sealed record FindIssuesOptions
{
    /// <summary>Input paths: Parquet files, folders, globs, Hive-style folders, or a labels.npy + pred_probs.npy pair.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The output folder (cleaned/, issues/, summary.json, _SUCCESS...).</summary>
    public string Output { get; init; } = "";

    /// <summary>Replace an existing output folder.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Column names of the input.</summary>
    public ColumnOptions Columns { get; init; } = new();

    /// <summary>The confident-learning parameters.</summary>
    public LabelIssueOptions Issues { get; init; } = new();

    /// <summary>Out-of-fold training from feature columns in place of a probability column; null reads the probabilities.</summary>
    public TrainSettings? Train { get; init; }

    /// <summary>Fail on invalid rows, or quarantine them.</summary>
    public InvalidRowPolicy InvalidRows { get; init; } = InvalidRowPolicy.Fail;

    /// <summary>Largest accepted distance of a row's probability sum from one.</summary>
    public double SumTolerance { get; init; } = RowValidator.DefaultSumTolerance;

    /// <summary>Also write <c>annotated/</c>: every row with the new columns.</summary>
    public bool Annotated { get; init; }

    /// <summary>Worker threads of the local engine; null uses every core.</summary>
    public int? Threads { get; init; }

    /// <summary>Rows per batch for inputs without row groups (.npy).</summary>
    public int BatchRows { get; init; } = 1 << 16;

    /// <summary>
    /// Memory the local engine may use to keep decoded labels and probabilities between passes,
    /// in MiB, when the whole input fits in it; otherwise every pass reads the input again. 0 always re-reads.
    /// </summary>
    public int RowCacheMegabytes { get; init; } = 512;

    /// <summary><c>local</c> (embedded, default) or <c>spark</c>.</summary>
    public string Engine { get; init; } = "local";

    /// <summary>Show progress on a terminal.</summary>
    public bool Progress { get; init; } = true;
}
