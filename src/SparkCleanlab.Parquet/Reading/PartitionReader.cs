using SparkCleanlab.Parquet.Reading.Slices;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Reads partitions of one input one after another on one worker. The slices of a row group read in order share
/// one open row group, so each page is decoded once however many slices it feeds. Not thread-safe; dispose it
/// when the worker is done.
/// </summary>
internal sealed class PartitionReader : IDisposable
{
    private readonly InputDataset _dataset;

    internal PartitionReader(InputDataset dataset, BatchContent content)
    {
        _dataset = dataset;
        Content = content;
    }

    /// <summary>What each read decodes.</summary>
    public BatchContent Content { get; }

    /// <summary>The row group the last slice left open for the next, if any.</summary>
    internal RowGroupCursor? Cursor { get; private set; }

    /// <summary>Reads one partition; dispose the batch to return its buffers.</summary>
    public Task<InputBatch> ReadAsync(InputPartition partition, CancellationToken cancellationToken = default) =>
        _dataset.ReadAsync(this, partition, cancellationToken);

    /// <summary>Keeps <paramref name="cursor"/> open for the next slice, closing the row group open before.</summary>
    internal void Open(RowGroupCursor cursor)
    {
        CloseRowGroup();
        Cursor = cursor;
    }

    /// <summary>Closes the open row group, if any.</summary>
    internal void CloseRowGroup()
    {
        Cursor?.Dispose();
        Cursor = null;
    }

    /// <summary>Closes the open row group.</summary>
    public void Dispose() => CloseRowGroup();
}
