namespace SparkCleanlab.SparkSql;

/// <summary>
/// What a compiled expression reads: the current row, the lambda variables' slots, and the
/// partition and row position that <c>spark_partition_id</c> and
/// <c>monotonically_increasing_id</c> report. One context is reused row after row.
/// </summary>
internal sealed class RowContext(int localCount)
{
    public object?[] Row { get; set; } = [];

    public object?[] Locals { get; } = new object?[localCount];

    public int PartitionId { get; set; }

    public long RowInPartition { get; set; }
}
