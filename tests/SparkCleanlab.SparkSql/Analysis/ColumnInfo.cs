namespace SparkCleanlab.SparkSql;

/// <summary>A column an expression can resolve: visible ones are in <c>*</c> and the schema, hidden ones (<c>_metadata</c>) only by name.</summary>
internal sealed record ColumnInfo(string Name, SqlType Type, bool Hidden = false);
