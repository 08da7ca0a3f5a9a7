namespace SparkCleanlab.ML.Parquet;

/// <summary>Which Parquet columns <see cref="FeatureTableReader"/> reads as the label and as features.</summary>
internal sealed record FeatureReadOptions
{
    /// <summary>The given-label column: integer class indices or class-name strings.</summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>
    /// Numeric (one number per row) or numeric-list (a vector per row) feature columns; null takes every such
    /// top-level column except the label, the id and probability columns (<c>pred_probs</c>, <c>p_0</c>..., <c>p0</c>...).
    /// </summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Columns one-hot encoded as categories (strings, integers or booleans).</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>String columns featurised as free text.</summary>
    public IReadOnlyList<string> Text { get; init; } = [];

    /// <summary>Class names in class-index order; null sorts string labels ordinally, and leaves integer classes unnamed.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>The id column, never taken as a feature by default; it need not exist (default <c>id</c>, as <c>generate</c> writes).</summary>
    public string? IdColumn { get; init; } = "id";

    /// <summary>More columns never taken as features by default (e.g. a probability column under another name).</summary>
    public IReadOnlyList<string> ExcludedColumns { get; init; } = [];

    /// <summary>Bytes the features and training may use; null means half of the memory available to this process.</summary>
    public long? MemoryBudgetBytes { get; init; }
}
