namespace SparkCleanlab.Plan;

/// <summary>
/// One collected row. Values are <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="float"/>, <see cref="string"/> or null; arrays and structs
/// are <c>object?[]</c>. The plan casts what it collects to these types in SQL.
/// </summary>
public sealed class FrameRow(object?[] values)
{
    /// <summary>The values in column order.</summary>
    public IReadOnlyList<object?> Values => values;

    /// <summary>The value of column <paramref name="index"/>.</summary>
    public object? this[int index] => values[index];

    /// <summary>Column <paramref name="index"/> as a 64-bit integer (from any integer type).</summary>
    public long Int64(int index) => Convert.ToInt64(values[index], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Column <paramref name="index"/> as a 32-bit integer.</summary>
    public int Int32(int index) => Convert.ToInt32(values[index], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Column <paramref name="index"/> as a double.</summary>
    public double Double(int index) => Convert.ToDouble(values[index], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Column <paramref name="index"/> as a string, or null.</summary>
    public string? String(int index) => (string?)values[index];

    /// <summary>Column <paramref name="index"/> as a boolean.</summary>
    public bool Boolean(int index) => (bool)values[index]!;

    /// <summary>Column <paramref name="index"/> as an array or struct, or null.</summary>
    public object?[]? Array(int index) => (object?[]?)values[index];
}
