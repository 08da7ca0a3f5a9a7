namespace SparkCleanlab.SparkSql;

/// <summary>One window function call: its partitioning, ordering, and either a ranking function or an aggregate.</summary>
internal sealed record WindowCall(IReadOnlyList<Bound> PartitionBy, IReadOnlyList<SortKey> OrderBy, string Function, AggregateFunction? Aggregate, SqlType Type);
