namespace SparkCleanlab.SparkSql;

/// <summary>What Spark reports as an <c>AnalysisException</c>: an unknown column or function, a type mismatch.</summary>
public sealed class AnalysisException(string message) : Exception(message);
