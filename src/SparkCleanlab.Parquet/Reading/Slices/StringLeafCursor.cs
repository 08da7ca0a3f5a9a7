using System.Runtime.InteropServices;
using Parquet.Schema;
using ParquetSharp;

namespace SparkCleanlab.Parquet.Reading.Slices;

/// <summary>
/// A UTF-8 string leaf: ParquetSharp's byte arrays point into its page buffer, so each is decoded to a string at
/// once, as Parquet.Net decodes them (invalid bytes become U+FFFD).
/// </summary>
internal sealed class StringLeafCursor(DataField field, ColumnReader<ByteArray> reader, double levelsPerRow, int chunkLevels)
    : LeafCursor<ByteArray, ReadOnlyMemory<char>>(field, reader, levelsPerRow, chunkLevels)
{
    /// <inheritdoc/>
    private protected override void Convert(ReadOnlySpan<ByteArray> values, Span<ReadOnlyMemory<char>> into)
    {
        for (int i = 0; i < values.Length; i++)
        {
            ByteArray value = values[i];
            into[i] = value.Length == 0 ? ReadOnlyMemory<char>.Empty : Marshal.PtrToStringUTF8(value.Pointer, value.Length).AsMemory();
        }
    }
}
