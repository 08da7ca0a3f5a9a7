namespace SparkCleanlab.ML.Data;

/// <summary>
/// The column layout of a <see cref="FeatureTable"/>: what a trained model expects, so a table
/// brought to <c>Predict</c> can be checked before ML.NET fails deep inside a transform.
/// </summary>
/// <param name="Columns">The columns in order.</param>
public sealed record FeatureSchema(IReadOnlyList<FeatureSchemaColumn> Columns)
{
    /// <summary>Throws when <paramref name="table"/> lacks a column this schema has, or has it with another kind or length.</summary>
    /// <param name="table">The table to check.</param>
    public void EnsureCompatible(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (FeatureSchemaColumn expected in Columns)
        {
            FeatureColumn? actual = table.Columns.FirstOrDefault(c => c.Name == expected.Name);
            if (actual is null)
            {
                throw new ArgumentException($"The model was trained with feature column '{expected.Name}', which this table lacks.", nameof(table));
            }

            if (actual.Kind != expected.Kind || actual.VectorLength != expected.VectorLength)
            {
                throw new ArgumentException(
                    $"Feature column '{expected.Name}' is {actual.Kind} of length {actual.VectorLength}; the model was trained on {expected.Kind} of length {expected.VectorLength}.",
                    nameof(table));
            }
        }
    }
}
