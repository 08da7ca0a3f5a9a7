namespace SparkCleanlab.ML.Data;

/// <summary>
/// Which rows of a <see cref="FeatureTable"/> an ML.NET view exposes, with their labels and
/// optional weights. Rows are indices into the table, so folds never copy feature data.
/// </summary>
/// <param name="Rows">Table row indices, in the order the view yields them (a row may repeat).</param>
/// <param name="Labels">Class index 0..K-1 per table row (indexed by table row, not view position), or null for scoring.</param>
/// <param name="Weights">Weight per table row (like <paramref name="Labels"/>), or null for unweighted training.</param>
/// <param name="ClassCount">K, the number of classes; labels become an ML.NET key type of this count.</param>
internal sealed record TrainingRows(int[] Rows, int[]? Labels, float[]? Weights, int ClassCount);
