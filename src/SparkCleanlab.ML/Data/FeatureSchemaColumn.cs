namespace SparkCleanlab.ML.Data;

/// <summary>The name, kind and vector length of one feature column.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">How it is featurised.</param>
/// <param name="VectorLength">The array length of a vector column, 1 for numeric, 0 for string kinds.</param>
public sealed record FeatureSchemaColumn(string Name, FeatureKind Kind, int VectorLength);
