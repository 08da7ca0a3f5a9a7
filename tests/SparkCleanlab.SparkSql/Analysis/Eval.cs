namespace SparkCleanlab.SparkSql;

/// <summary>A compiled expression: its value for the row in the context (null for SQL NULL).</summary>
internal delegate object? Eval(RowContext context);
