namespace SparkCleanlab.SparkSql;

/// <summary>What Spark reports as a <c>ParseException</c>: SQL text the grammar does not accept.</summary>
public sealed class ParseException(string message) : Exception(message);
