namespace SparkCleanlab.SparkSql;

/// <summary>A field of a struct type.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Type">The field type.</param>
public sealed record StructField(string Name, SqlType Type);
