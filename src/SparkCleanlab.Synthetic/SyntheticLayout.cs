using SparkCleanlab.Plan;

namespace SparkCleanlab.Synthetic;

/// <summary>How <see cref="SyntheticDatasetWriter"/> lays a data set out in files.</summary>
internal sealed record SyntheticLayout
{
    /// <summary>List column or class columns (<see cref="ProbabilityLayout.Npy"/> is not a Parquet layout).</summary>
    public ProbabilityLayout Layout { get; init; } = ProbabilityLayout.ListColumn;

    /// <summary>Store probabilities as float instead of double.</summary>
    public bool SinglePrecision { get; init; }

    /// <summary>Number of files; rows are split evenly, in order.</summary>
    public int Files { get; init; } = 1;

    /// <summary>Row groups per file; a file's rows are split evenly, in order.</summary>
    public int RowGroupsPerFile { get; init; } = 1;

    /// <summary>Label column name.</summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>Probability list column name.</summary>
    public string ProbabilityColumn { get; init; } = "pred_probs";

    /// <summary>Prefix of class columns.</summary>
    public string ProbabilityPrefix { get; init; } = "p_";

    /// <summary>Name class columns prefix + class name instead of prefix + index.</summary>
    public bool NameClassColumns { get; init; }

    /// <summary>Prefix of the feature columns: <c>feature_0</c>, <c>feature_1</c>, ...</summary>
    public string FeaturePrefix { get; init; } = "feature_";

    /// <summary>True label column name.</summary>
    public string TrueLabelColumn { get; init; } = "true_label";

    /// <summary>Id column name.</summary>
    public string IdColumn { get; init; } = "id";
}
