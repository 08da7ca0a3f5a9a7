using System.Runtime.ExceptionServices;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Reading.Slices;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>What the input's partitions are planned from, read from one file's footer.</summary>
/// <param name="File">The file.</param>
/// <param name="Schema">Its schema.</param>
/// <param name="RowGroups">Its row groups, in file order.</param>
internal sealed record ParquetFooter(DiscoveredFile File, ParquetSchema Schema, RowGroupFooter[] RowGroups)
{
    // Footers read at once. Reading one mostly waits on storage (a data lake's object store or network file system),
    // so more reads than cores are in flight; each holds one footer.
    private const int ConcurrentReads = 16;

    /// <summary>
    /// The footers of <paramref name="files"/>, in their order, read side by side. When files cannot be read, the
    /// error is the first such file's in input order, so a run reports the same file every time.
    /// </summary>
    /// <exception cref="InputDataException">A file is not readable Parquet, or a row group's metadata is corrupt.</exception>
    public static async Task<ParquetFooter[]> ReadAllAsync(IReadOnlyList<DiscoveredFile> files, CancellationToken cancellationToken)
    {
        var footers = new ParquetFooter[files.Count];
        var failures = new InputDataException?[files.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, files.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    footers[index] = await ReadAsync(files[index], token);
                }
                catch (InputDataException e)
                {
                    failures[index] = e;
                }
            });
        if (Array.Find(failures, f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return footers;
    }

    private static async Task<ParquetFooter> ReadAsync(DiscoveredFile file, CancellationToken cancellationToken)
    {
        await using ParquetReader reader = await ParquetFile.OpenAsync(file.FullPath, cancellationToken);
        DataField[] fields = reader.Schema.GetDataFields();
        var rowGroups = new RowGroupFooter[reader.RowGroupCount];
        for (int rowGroup = 0; rowGroup < rowGroups.Length; rowGroup++)
        {
            using ParquetRowGroupReader group = ParquetFile.OpenRowGroup(reader, file.FullPath, rowGroup);
            if (group.RowCount < 0)
            {
                throw new InputDataException(
                    $"Row group claims {group.RowCount} rows", "The file's metadata is corrupt; rewrite the file.", file: file.FullPath, rowGroup: rowGroup);
            }
            rowGroups[rowGroup] = new RowGroupFooter(
                group.RowCount, ColumnBytes(group, fields), ColumnBytes(group, fields.Where(f => !LeafCursor.CanSlice(f))));
        }
        return new ParquetFooter(file, reader.Schema, rowGroups);
    }

    // What the columns' chunks decode to: their uncompressed values plus four bytes per level entry and kind.
    private static long ColumnBytes(ParquetRowGroupReader group, IEnumerable<DataField> fields)
    {
        long bytes = 0;
        foreach (DataField field in fields)
        {
            var metadata = group.GetMetadata(field)?.MetaData;
            if (metadata is null) continue;
            int levelKinds = (field.MaxDefinitionLevel > 0 ? 1 : 0) + (field.MaxRepetitionLevel > 0 ? 1 : 0);
            bytes += metadata.TotalUncompressedSize + (metadata.NumValues * sizeof(int) * levelKinds);
        }
        return bytes;
    }
}
