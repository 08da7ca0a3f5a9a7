namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The normalising projection from the user's columns to <see cref="PlanColumns"/>: the label
/// as a class index, the probabilities as doubles (from one array column or K columns), and the
/// row position from the file ordinal and Parquet's <c>_metadata.row_index</c>.
/// </summary>
public static class InputProjection
{
    /// <summary>The column holding each file's ordinal among the input files sorted by path.</summary>
    public const string FileOrdinal = "__file";

    /// <summary>The column holding the file path the row came from (<c>_metadata.file_path</c>).</summary>
    public const string FilePath = "__path";

    /// <summary>The column holding the row's index within its file (<c>_metadata.row_index</c>, Spark 3.5+).</summary>
    public const string RowIndex = "__row";

    /// <summary>The hidden metadata columns, selected next to the user's columns.</summary>
    public static IReadOnlyList<string> Metadata => [$"_metadata.file_path AS {FilePath}", $"_metadata.row_index AS {RowIndex}"];

    /// <summary>Quotes a user column name for Spark SQL.</summary>
    public static string Quote(string column) => "`" + column.Replace("`", "``") + "`";

    /// <summary>The class index of an integer label column (NULL stays NULL, out of range is caught by validation).</summary>
    public static string IntegerLabel(string column) => $"CAST({Quote(column)} AS INT)";

    /// <summary>The class index of a string label: its place in <paramref name="classes"/>, NULL when unknown.</summary>
    public static string StringLabel(string column, IReadOnlyList<string> classes)
    {
        var whens = classes.Select((name, k) => $"WHEN {SqlLiteral.String(name)} THEN {k}");
        return $"(CASE {Quote(column)} {string.Join(" ", whens)} ELSE NULL END)";
    }

    /// <summary>Probability j from one array column (1-based <c>element_at</c>; NULL past the end).</summary>
    public static string FromArray(string column, int j) =>
        $"CAST(element_at({Quote(column)}, {j + 1}) AS DOUBLE)";

    /// <summary>Probability j from its own numeric column; a float widens to the same double as in .NET.</summary>
    public static string FromColumn(string column) => $"CAST({Quote(column)} AS DOUBLE)";

    /// <summary>
    /// The row position <c>fileOrdinal * 2^32 + rowIndex</c>, the same number the local engine
    /// gives a row, so the tie rule picks the same rows.
    /// </summary>
    public static string Position => $"((CAST({FileOrdinal} AS BIGINT) * 4294967296L) + {RowIndex})";

    /// <summary>Each input file's ordinal: the rank of its path in byte order, over the small table of distinct paths.</summary>
    public static string FileOrdinalOverPaths => $"(dense_rank() OVER (ORDER BY {FilePath}) - 1)";
}
