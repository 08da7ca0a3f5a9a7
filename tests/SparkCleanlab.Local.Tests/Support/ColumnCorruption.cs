using Parquet;
using Parquet.Schema;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>Damages one column of a Parquet file in place, leaving its footer and every other column readable.</summary>
public static class ColumnCorruption
{
    /// <summary>Overwrites the start of every row group's chunk of <paramref name="column"/> with bytes no decoder accepts.</summary>
    public static async Task CorruptAsync(string file, string column)
    {
        var chunks = new List<(long Offset, long Length)>();
        await using (ParquetReader reader = await ParquetReader.CreateAsync(file))
        {
            DataField field = reader.Schema.GetDataFields().Single(f => f.Name == column);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                var metadata = group.GetMetadata(field)!.MetaData!;
                // A chunk with a dictionary starts at its dictionary page, and its compressed size counts from there.
                long start = metadata.DictionaryPageOffset is { } dictionary and > 0 ? dictionary : metadata.DataPageOffset;
                chunks.Add((metadata.DataPageOffset, start + metadata.TotalCompressedSize - metadata.DataPageOffset));
            }
        }

        await using FileStream stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite);
        foreach (var (offset, length) in chunks)
        {
            stream.Position = offset;
            stream.Write(Enumerable.Repeat((byte)0xFF, (int)Math.Min(length, 64)).ToArray());
        }
    }
}
