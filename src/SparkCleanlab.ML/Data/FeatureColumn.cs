namespace SparkCleanlab.ML.Data;

/// <summary>
/// One named feature column held in memory. The caller owns the arrays: the column keeps a
/// reference, never a copy, so do not change them while a model trains on them.
/// </summary>
public sealed class FeatureColumn
{
    private FeatureColumn(string name, FeatureKind kind, int rowCount, int vectorLength,
        float[]? numbers, float[][]? vectors, string[]? strings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Feature column name '{name}' starts with '{ReservedPrefix}', which is reserved for the label, weight and feature columns built internally.",
                nameof(name));
        }

        Name = name;
        Kind = kind;
        RowCount = rowCount;
        VectorLength = vectorLength;
        Numbers = numbers;
        Vectors = vectors;
        Strings = strings;
    }

    /// <summary>Column names starting with this prefix are reserved for internal columns.</summary>
    public const string ReservedPrefix = "__";

    /// <summary>The column's name, as it appears in the saved model's input schema.</summary>
    public string Name { get; }

    /// <summary>How the column is featurised.</summary>
    public FeatureKind Kind { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The length of each row's array for <see cref="FeatureKind.Vector"/>; 1 for numeric; 0 for string kinds.</summary>
    public int VectorLength { get; }

    internal float[]? Numbers { get; }

    internal float[][]? Vectors { get; }

    internal string[]? Strings { get; }

    /// <summary>A numeric column: one number per row.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">One value per row; NaN means missing.</param>
    public static FeatureColumn Numeric(string name, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FeatureColumn(name, FeatureKind.Numeric, values.Length, 1, values, null, null);
    }

    /// <summary>A vector column: an array of the same length on every row.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">One array per row, all of the same positive length.</param>
    public static FeatureColumn Vector(string name, float[][] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int length = values.Length == 0 ? 0 : values[0]?.Length ?? 0;
        for (int row = 0; row < values.Length; row++)
        {
            if (values[row] is null || values[row].Length != length || length == 0)
            {
                throw new ArgumentException(
                    $"Vector column '{name}': row {row} has {values[row]?.Length.ToString() ?? "no"} values, but row 0 has {length}; every row needs the same positive length.",
                    nameof(values));
            }
        }

        return new FeatureColumn(name, FeatureKind.Vector, values.Length, length, null, values, null);
    }

    /// <summary>A categorical column: one category string per row, one-hot encoded.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">One category per row; null is treated as an empty category.</param>
    public static FeatureColumn Categorical(string name, string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FeatureColumn(name, FeatureKind.Categorical, values.Length, 0, null, null, values);
    }

    /// <summary>A text column: free text per row, featurised into n-gram counts.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">One text per row; null is treated as empty text.</param>
    public static FeatureColumn Text(string name, string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FeatureColumn(name, FeatureKind.Text, values.Length, 0, null, null, values);
    }
}
