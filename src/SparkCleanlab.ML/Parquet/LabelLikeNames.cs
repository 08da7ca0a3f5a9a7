namespace SparkCleanlab.ML.Parquet;

/// <summary>
/// Column names that usually hold a label (<c>true_label</c>, <c>label_*</c>, <c>*_label</c>, <c>y_true</c>): a
/// model trained on one learns the label instead of the data, so they are never features unless named.
/// </summary>
internal static class LabelLikeNames
{
    /// <summary>True when <paramref name="column"/> is named like a label.</summary>
    public static bool Matches(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Equals("true_label", StringComparison.OrdinalIgnoreCase)
            || column.Equals("y_true", StringComparison.OrdinalIgnoreCase)
            || column.StartsWith("label_", StringComparison.OrdinalIgnoreCase)
            || column.EndsWith("_label", StringComparison.OrdinalIgnoreCase);
    }
}
