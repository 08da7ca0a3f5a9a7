using SparkCleanlab.Parquet.Memory;

namespace SparkCleanlab.Parquet.Reading.Slices;

/// <summary>
/// A leaf that only Parquet.Net decodes to its storage type (dates, decimals, binary, small or unsigned integers):
/// the whole column chunk is read once and each slice copied out of it. Such columns are seldom the wide ones.
/// </summary>
internal sealed class WholeLeafCursor(PassThroughColumn column) : LeafCursor
{
    private PassThroughColumn? _column = column;
    private int _next;

    /// <inheritdoc/>
    public override PassThroughColumn Read(int rows)
    {
        PassThroughColumn whole = _column ?? throw new InvalidOperationException("the whole column was already handed to a batch");
        if (_next + rows > whole.RowCount)
        {
            throw new InvalidDataException($"the column chunk of '{whole.Name}' ends {_next + rows - whole.RowCount} rows before its row group does");
        }

        // A row group read as one slice takes the column itself.
        if (_next == 0 && rows == whole.RowCount)
        {
            _column = null;
            _next = rows;
            return whole;
        }

        int[] indices = BatchBuffers<int>.Shared.Rent(rows);
        try
        {
            for (int i = 0; i < rows; i++) indices[i] = _next + i;
            _next += rows;
            return whole.Subset(indices.AsSpan(0, rows));
        }
        finally
        {
            BatchBuffers<int>.Shared.Return(indices);
        }
    }

    /// <inheritdoc/>
    public override void Skip(long rows) => _next = checked((int)(_next + rows));

    /// <inheritdoc/>
    public override void CheckAtEnd()
    {
        // Reading the whole chunk checked its row count against the row group's.
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _column?.Dispose();
        _column = null;
    }
}
