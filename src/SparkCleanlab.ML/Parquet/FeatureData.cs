using SparkCleanlab.ML.Data;

namespace SparkCleanlab.ML.Parquet;

/// <summary>A Parquet input read into memory for training: features, labels as class indices, and the classes.</summary>
/// <param name="Table">The feature columns, rows in input order (files by path, then row groups).</param>
/// <param name="Labels">The given class index 0..K-1 per row.</param>
/// <param name="ClassCount">K.</param>
/// <param name="ClassNames">Class names in index order; null for integer labels without a class list.</param>
internal sealed record FeatureData(FeatureTable Table, int[] Labels, int ClassCount, IReadOnlyList<string>? ClassNames)
{
    /// <summary>Numeric columns not taken as features by default because they are named like a label (<see cref="LabelLikeNames"/>).</summary>
    public IReadOnlyList<string> SkippedLabelLikeColumns { get; init; } = [];
}
