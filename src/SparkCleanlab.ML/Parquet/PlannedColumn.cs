using SparkCleanlab.ML.Data;

namespace SparkCleanlab.ML.Parquet;

/// <summary>A Parquet column chosen as a feature, and how it is featurised.</summary>
/// <param name="Name">The top-level column name.</param>
/// <param name="Kind">Numeric, vector (numeric list), categorical or text.</param>
internal sealed record PlannedColumn(string Name, FeatureKind Kind);
