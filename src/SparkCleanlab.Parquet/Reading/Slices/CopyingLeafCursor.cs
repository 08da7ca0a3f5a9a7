using Parquet.Schema;
using ParquetSharp;

namespace SparkCleanlab.Parquet.Reading.Slices;

/// <summary>A leaf whose physical values are Parquet.Net's storage values as they are: numbers and booleans.</summary>
/// <typeparam name="T">The value type, the same on both sides.</typeparam>
internal sealed class CopyingLeafCursor<T>(DataField field, ColumnReader<T> reader, double levelsPerRow, int chunkLevels)
    : LeafCursor<T, T>(field, reader, levelsPerRow, chunkLevels)
    where T : unmanaged
{
    /// <inheritdoc/>
    private protected override void Convert(ReadOnlySpan<T> values, Span<T> into) => values.CopyTo(into);
}
