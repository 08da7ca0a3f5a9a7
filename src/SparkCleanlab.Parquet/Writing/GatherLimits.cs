namespace SparkCleanlab.Parquet.Writing;

/// <summary>How <see cref="OrderedPartWriter"/> cuts its output; the row group size bounds the rows it buffers.</summary>
/// <param name="RowGroupRows">Rows per row group, at most.</param>
/// <param name="RowsPerFile">Rows per part file, at most.</param>
internal sealed record GatherLimits(int RowGroupRows = 65_536, int RowsPerFile = 1_048_576)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless both limits are positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RowGroupRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RowsPerFile);
    }
}
