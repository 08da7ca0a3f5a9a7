using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// One output column of a row group being gathered: values and levels copied out of source columns row range by
/// row range, so the sources can be released before the row group is written. Buffers are pooled and reused
/// from one row group to the next.
/// </summary>
internal abstract class ColumnBuffer : IDisposable
{
    /// <summary>Appends rows <paramref name="firstRow"/> .. <paramref name="firstRow"/> + <paramref name="rowCount"/> - 1 of <paramref name="source"/>.</summary>
    public abstract void Append(PassThroughColumn source, RowIndex index, int firstRow, int rowCount);

    /// <summary>Writes what was appended as the writer's next column.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField target, CancellationToken cancellationToken);

    /// <summary>Forgets the appended rows, keeping the buffers for the next row group.</summary>
    public abstract void Clear();

    /// <summary>Returns the pooled buffers.</summary>
    public abstract void Dispose();
}
