using Parquet.Schema;
using ParquetSharp;

namespace SparkCleanlab.Parquet.Reading.Slices;

/// <summary>
/// One leaf column of an open row group, read forward a slice of rows at a time into a <see cref="PassThroughColumn"/>.
/// ParquetSharp decodes a page at a time, so a slice costs its own rows, the page being read and a small chunk
/// buffer, not the whole column chunk.
/// </summary>
internal abstract class LeafCursor : IDisposable
{
    private static readonly HashSet<Type> SlicedTypes = [typeof(bool), typeof(int), typeof(long), typeof(float), typeof(double), typeof(ReadOnlyMemory<char>)];

    /// <summary>The column's next <paramref name="rows"/> rows as a column of their own.</summary>
    /// <exception cref="InvalidDataException">The column chunk ends before <paramref name="rows"/> more rows.</exception>
    public abstract PassThroughColumn Read(int rows);

    /// <summary>Moves past the next <paramref name="rows"/> rows without keeping them.</summary>
    public abstract void Skip(long rows);

    /// <summary>Throws unless every row of the column chunk was read: a chunk with more rows than its row group is corrupt.</summary>
    public abstract void CheckAtEnd();

    /// <inheritdoc/>
    public abstract void Dispose();

    /// <summary>
    /// Whether a column of <paramref name="field"/>'s storage type can be read in slices: ParquetSharp's physical
    /// values are Parquet.Net's for it when the file stores it as that type (see <see cref="TryCreate"/>).
    /// </summary>
    public static bool CanSlice(DataField field) => SlicedTypes.Contains(field.ClrType);

    /// <summary>
    /// A cursor for <paramref name="field"/> over <paramref name="reader"/> when ParquetSharp's physical values are
    /// exactly Parquet.Net's storage values for it (booleans, 32- and 64-bit integers, floats, doubles, UTF-8
    /// strings); null otherwise (dates, decimals, unsigned or small integers, binary), which Parquet.Net reads whole.
    /// </summary>
    /// <param name="field">The column as Parquet.Net sees it.</param>
    /// <param name="reader">ParquetSharp's reader of the same column chunk; the cursor owns it when one is returned.</param>
    /// <param name="levelsPerRow">Level entries per row in the chunk, to size a slice's buffers.</param>
    /// <param name="chunkLevels">Level entries to take from ParquetSharp per read.</param>
    public static LeafCursor? TryCreate(DataField field, ColumnReader reader, double levelsPerRow, int chunkLevels)
    {
        ColumnDescriptor descriptor = reader.ColumnDescriptor;
        if (descriptor.MaxDefinitionLevel != field.MaxDefinitionLevel || descriptor.MaxRepetitionLevel != field.MaxRepetitionLevel) return null;
        return (field.ClrType, reader) switch
        {
            (Type t, ColumnReader<bool> r) when t == typeof(bool) => new CopyingLeafCursor<bool>(field, r, levelsPerRow, chunkLevels),
            (Type t, ColumnReader<int> r) when t == typeof(int) => new CopyingLeafCursor<int>(field, r, levelsPerRow, chunkLevels),
            (Type t, ColumnReader<long> r) when t == typeof(long) => new CopyingLeafCursor<long>(field, r, levelsPerRow, chunkLevels),
            (Type t, ColumnReader<float> r) when t == typeof(float) => new CopyingLeafCursor<float>(field, r, levelsPerRow, chunkLevels),
            (Type t, ColumnReader<double> r) when t == typeof(double) => new CopyingLeafCursor<double>(field, r, levelsPerRow, chunkLevels),
            (Type t, ColumnReader<ByteArray> r) when t == typeof(ReadOnlyMemory<char>) => new StringLeafCursor(field, r, levelsPerRow, chunkLevels),
            _ => null,
        };
    }
}
