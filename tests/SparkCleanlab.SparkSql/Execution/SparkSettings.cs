namespace SparkCleanlab.SparkSql;

/// <summary>
/// How the local session partitions data, so tests can run one plan over several layouts.
/// </summary>
/// <param name="Seed">Seeds the split points, the hash salt of shuffles and the order of rows within shuffled partitions.</param>
/// <param name="ShufflePartitions"><c>spark.sql.shuffle.partitions</c>: partitions after a grouping, join, distinct or sort.</param>
/// <param name="InputSplits">The most splits each input file is cut into.</param>
public sealed record SparkSettings(int Seed = 0, int ShufflePartitions = 4, int InputSplits = 3);
