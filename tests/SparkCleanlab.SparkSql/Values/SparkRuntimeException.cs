namespace SparkCleanlab.SparkSql;

/// <summary>An error Spark raises while evaluating a row even without ANSI mode (e.g. <c>element_at(a, 0)</c>).</summary>
public sealed class SparkRuntimeException(string message) : Exception(message);
