namespace SparkCleanlab.SparkSql;

/// <summary>A bound aggregate call: its result type, generated name and a factory of per-group states.</summary>
internal sealed record AggregateFunction(SqlType Type, string Name, Func<IAggregateState> NewState);
