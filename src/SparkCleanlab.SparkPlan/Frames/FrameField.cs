namespace SparkCleanlab.Plan;

/// <summary>A column of an <see cref="IFrame"/>: its name and its Spark SQL type string.</summary>
/// <param name="Name">The column name, unquoted.</param>
/// <param name="Type">The type as Spark's <c>simpleString</c> prints it.</param>
public sealed record FrameField(string Name, string Type);
