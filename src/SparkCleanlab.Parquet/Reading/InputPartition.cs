using SparkCleanlab.Parquet.Input;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// A unit of work: one row group of one Parquet file, or a slice of rows of one (a row group too large for one
/// batch), or a slice of <c>.npy</c> rows. Its first position is the running row count over all partitions in
/// file order, so row positions are the same on any thread count.
/// </summary>
/// <param name="Index">Position of this partition in the input's deterministic order.</param>
/// <param name="File">The file the rows come from.</param>
/// <param name="RowGroup">The row group index inside <paramref name="File"/> (the slice index for .npy).</param>
/// <param name="RowCount">Rows in the partition, from metadata.</param>
/// <param name="FirstPosition">Global position of the partition's first row.</param>
/// <param name="PartitionValues">Hive partition values of <paramref name="File"/>.</param>
internal sealed record InputPartition(
    int Index,
    string File,
    int RowGroup,
    long RowCount,
    long FirstPosition,
    IReadOnlyList<PartitionValue> PartitionValues)
{
    /// <summary>
    /// Bytes the partition's batch holds once read: its decoded labels and probabilities and its columns as
    /// <see cref="PassThroughColumn"/>s (values and levels), estimated from metadata; 0 when unknown.
    /// </summary>
    public long DecodedBytes { get; init; }

    /// <summary>
    /// The partition's first row within its Parquet row group (0 unless the row group is read in slices), or within
    /// its file when the file has no row groups (<see cref="InRowGroup"/> false).
    /// </summary>
    public long FirstRow { get; init; }

    /// <summary>Whether <see cref="RowGroup"/> is a Parquet row group; for a <c>.npy</c> slice it only numbers the slice.</summary>
    public bool InRowGroup { get; init; } = true;
}
