using Parquet;
using Parquet.Schema;
using ParquetSharp;
using ParquetSharp.Schema;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Reading.Slices;

/// <summary>
/// One row group of an input file, open for reading forward in slices of rows: a slice of every leaf column at a
/// time, decoded by ParquetSharp a page at a time (or, for the few types only Parquet.Net maps, read whole once).
/// Holds the file open and one page per column until disposed.
/// </summary>
internal sealed class RowGroupCursor : IDisposable
{
    // Level entries per read from ParquetSharp: 64K amortizes the call; a file with many columns shares 16 MiB of
    // chunk buffers out over them, so the buffers do not grow with the column count.
    private const int ChunkBytes = 16 << 20;
    private const int BytesPerLevel = 20;
    private const int MinChunkLevels = 1024;
    private const int MaxChunkLevels = 64 * 1024;

    private readonly ParquetFileReader _file;
    private readonly RowGroupReader _rowGroup;
    private readonly LeafCursor[] _leaves;
    private readonly DataField[] _fields;

    private RowGroupCursor(string path, int rowGroup, long rowCount, ParquetFileReader file, RowGroupReader group, DataField[] fields, LeafCursor[] leaves)
    {
        File = path;
        RowGroup = rowGroup;
        RowCount = rowCount;
        _file = file;
        _rowGroup = group;
        _fields = fields;
        _leaves = leaves;
    }

    /// <summary>The file read.</summary>
    public string File { get; }

    /// <summary>The row group read.</summary>
    public int RowGroup { get; }

    /// <summary>Rows in the row group.</summary>
    public long RowCount { get; }

    /// <summary>The next row a read starts at.</summary>
    public long Position { get; private set; }

    /// <summary>Opens the leaf columns <paramref name="fields"/> of row group <paramref name="rowGroup"/> of <paramref name="path"/>.</summary>
    /// <exception cref="InputDataException">The file or a column chunk cannot be read.</exception>
    public static async Task<RowGroupCursor> OpenAsync(string path, int rowGroup, DataField[] fields, CancellationToken cancellationToken)
    {
        ParquetFileReader? file = null;
        RowGroupReader? group = null;
        var leaves = new LeafCursor?[fields.Length];
        try
        {
            try
            {
                // Pages stream through a small buffer, so memory holds the page being decoded, not the column chunk; the
                // system allocator gives a freed page back to the OS at once, where the default allocator keeps it.
                using var properties = ReaderProperties.WithMemoryPool(MemoryPool.SystemMemoryPool());
                properties.EnableBufferedStream();
                file = new ParquetFileReader(path, properties);
                group = file.RowGroup(rowGroup);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw NativeFailure.Of(e, new InputDataException(
                    $"Cannot read the row group: {e.Message}", "The file may be truncated or corrupt; rewrite it or remove it from the input.",
                    file: path, rowGroup: rowGroup, inner: e));
            }

            long rowCount = group.MetaData.NumRows;
            Dictionary<string, int> columns = ColumnIndices(group.MetaData);
            int chunkLevels = Math.Clamp(ChunkBytes / (fields.Length * BytesPerLevel), MinChunkLevels, MaxChunkLevels);
            for (int leaf = 0; leaf < fields.Length; leaf++)
            {
                if (columns.TryGetValue(PathKey(fields[leaf].Path.ToList()), out int column))
                {
                    leaves[leaf] = Sliced(path, rowGroup, group, column, fields[leaf], rowCount, chunkLevels);
                }
            }

            if (leaves.Contains(null))
            {
                await using ParquetReader reader = await ParquetFile.OpenAsync(path, cancellationToken);
                ParquetRowGroupReader whole = ParquetFile.OpenRowGroup(reader, path, rowGroup);
                for (int leaf = 0; leaf < fields.Length; leaf++)
                {
                    leaves[leaf] ??= new WholeLeafCursor(await ParquetFile.ReadColumnAsync(whole, fields[leaf], path, rowGroup, cancellationToken));
                }
            }

            return new RowGroupCursor(path, rowGroup, rowCount, file, group, fields, [.. leaves.Select(leaf => leaf!)]);
        }
        catch
        {
            foreach (LeafCursor? leaf in leaves) leaf?.Dispose();
            group?.Dispose();
            file?.Dispose();
            throw;
        }
    }

    /// <summary>Reads rows <paramref name="firstRow"/> to <paramref name="firstRow"/> + <paramref name="rows"/> of every leaf column.</summary>
    /// <exception cref="InputDataException">A column chunk cannot be decoded, or holds fewer or more rows than the row group.</exception>
    public IReadOnlyList<PassThroughColumn> Read(long firstRow, int rows)
    {
        if (firstRow < Position) throw new InvalidOperationException($"row {firstRow} was already read; the cursor is at row {Position}");
        var columns = new List<PassThroughColumn>(_leaves.Length);
        int at = 0;
        try
        {
            for (; at < _leaves.Length; at++)
            {
                LeafCursor leaf = _leaves[at];
                if (firstRow > Position) leaf.Skip(firstRow - Position);
                columns.Add(leaf.Read(rows));
                if (firstRow + rows == RowCount) leaf.CheckAtEnd();
            }
        }
        catch (Exception e)
        {
            foreach (PassThroughColumn column in columns) column.Dispose();
            if (e is OutOfMemoryException or InputDataException) throw;
            throw NativeFailure.Of(e, ParquetFile.ColumnError(e, File, RowGroup, _fields[at]));
        }

        Position = firstRow + rows;
        return columns;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (LeafCursor leaf in _leaves) leaf.Dispose();
        _rowGroup.Dispose();
        _file.Dispose();
    }

    // ParquetSharp's cursor for the column when it maps exactly; null leaves it to Parquet.Net.
    private static LeafCursor? Sliced(string path, int rowGroup, RowGroupReader group, int column, DataField field, long rowCount, int chunkLevels)
    {
        ColumnReader? reader = null;
        try
        {
            reader = group.Column(column);
            using ColumnChunkMetaData chunk = group.MetaData.GetColumnChunkMetaData(column);
            double levelsPerRow = rowCount == 0 ? 1 : (double)chunk.NumValues / rowCount;
            LeafCursor? leaf = LeafCursor.TryCreate(field, reader, levelsPerRow, (int)Math.Clamp(chunk.NumValues, 1, chunkLevels));
            if (leaf is null) reader.Dispose();
            return leaf;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reader?.Dispose();
            throw NativeFailure.Of(e, ParquetFile.ColumnError(e, path, rowGroup, field));
        }
    }

    // The file's leaf columns by path: Parquet.Net and ParquetSharp both list leaves in schema order, but a column is
    // only ever paired with the leaf of the same path.
    private static Dictionary<string, int> ColumnIndices(RowGroupMetaData metadata)
    {
        var columns = new Dictionary<string, int>(metadata.NumColumns, StringComparer.Ordinal);
        for (int column = 0; column < metadata.NumColumns; column++)
        {
            using ColumnPath path = metadata.Schema.Column(column).Path;
            columns[PathKey(path.ToDotVector())] = column;
        }
        return columns;
    }

    private static string PathKey(IEnumerable<string> parts) => string.Join('\u0001', parts);
}
