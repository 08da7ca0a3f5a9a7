namespace SparkCleanlab.SparkPlan;

/// <summary>The columns the Spark plan adds to the user's, all under the reserved <c>__</c> prefix.</summary>
internal static class Columns
{
    /// <summary>The class index of the given label (INT; NULL when unknown).</summary>
    public const string Label = "__label";

    /// <summary>The K probabilities as <c>array&lt;double&gt;</c>.</summary>
    public const string P = "__p";

    /// <summary>The row position: file ordinal * 2^32 + row index in the file (BIGINT), the tie order of both engines.</summary>
    public const string Position = "__pos";

    /// <summary>The <c>invalid_reason</c> text, NULL for a valid row.</summary>
    public const string Invalid = "__invalid";

    /// <summary>The column at fault of an invalid row.</summary>
    public const string InvalidColumn = "__invalid_column";

    /// <summary>The input file of the row, as Spark's <c>_metadata.file_path</c> gives it.</summary>
    public const string File = "__file";

    /// <summary>The row's index in its file (<c>_metadata.row_index</c>).</summary>
    public const string RowIndex = "__row";

    /// <summary>Quotes a user column name for Spark SQL, so dots and spaces stay part of the name.</summary>
    public static string Quote(string column) => "`" + column.Replace("`", "``", StringComparison.Ordinal) + "`";
}
