using Parquet.Schema;

namespace SparkCleanlab.Parquet.Schema;

/// <summary>Finding a top-level column and naming columns and types in error messages, alike for every reader.</summary>
internal static class SchemaFields
{
    /// <summary>The top-level field named <paramref name="name"/> (case-sensitive), or null.</summary>
    public static Field? FindTopLevel(ParquetSchema schema, string name) =>
        schema.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The top-level column names, comma-separated, for "columns are [...]".</summary>
    public static string ColumnList(ParquetSchema schema) => string.Join(", ", schema.Fields.Select(f => f.Name));

    /// <summary>A field's type as a user reads it: <c>string</c>, <c>Int64</c>, <c>list&lt;Double&gt;</c>.</summary>
    public static string Describe(Field field) => field switch
    {
        DataField data => data.ClrType == typeof(ReadOnlyMemory<char>) ? "string" : data.ClrType.Name,
        ListField list => $"list<{Describe(list.Item)}>",
        _ => field.SchemaType.ToString(),
    };
}
