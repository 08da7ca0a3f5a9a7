namespace SparkCleanlab.Parquet.Input;

/// <summary>One Parquet file of the input, with the Hive partition values its folders carry.</summary>
/// <param name="FullPath">Absolute path of the file.</param>
/// <param name="RelativePath">Path relative to the input root with '/' separators; files are ordered by it (ordinal).</param>
/// <param name="PartitionValues">Values of the Hive partition columns, in folder order; a null value is Hive's default partition.</param>
internal sealed record DiscoveredFile(string FullPath, string RelativePath, IReadOnlyList<PartitionValue> PartitionValues);
