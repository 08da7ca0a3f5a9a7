using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// The part files one run writes into its staging folder: a partition's rows in a subfolder, named by partition
/// index and run id, and an empty file with its columns for each folder that got no rows.
/// </summary>
internal sealed class OutputParts(AtomicOutputFolder folder, string runId)
{
    /// <summary>The column <c>invalid/</c> adds to the input's.</summary>
    public static IReadOnlyList<AddedColumn> InvalidColumns { get; } = [new(OutputLayout.InvalidReason, AddedColumnType.String)];

    /// <summary>
    /// Writes <paramref name="rows"/> of <paramref name="batch"/> (batch rows, in output order) to part
    /// <paramref name="part"/> of <paramref name="subfolder"/>, one row group per entry of <paramref name="groupRows"/>:
    /// a row group is gathered and encoded whole, so its size, not the partition's, bounds the writer's copies.
    /// Writes nothing when there are no rows.
    /// </summary>
    public async Task WriteAsync(
        DatasetSchema schema, string subfolder, int part, InputBatch batch, IReadOnlyList<AddedValues> added, int[] rows, IReadOnlyList<AddedColumn> columns,
        IEnumerable<int> groupRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0)
        {
            return;
        }

        var path = Path.Combine(folder.Subfolder(subfolder), PartFileName.Of(part, runId));
        await using var writer = await PartFileWriter.CreateAsync(path, schema, columns, cancellationToken);
        var first = 0;
        foreach (var count in groupRows)
        {
            await writer.WriteAsync(batch, added, rows.AsMemory(first, count), cancellationToken);
            first += count;
        }
    }

    /// <summary>Writes the invalid rows of a partition to <c>invalid/</c> with their reasons, in row groups of at most <paramref name="groupRows"/>.</summary>
    public Task WriteInvalidAsync(DatasetSchema schema, int part, InputBatch batch, IReadOnlyList<InvalidRow> invalid, int groupRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(invalid);
        if (invalid.Count == 0)
        {
            return Task.CompletedTask;
        }

        var reasons = new string?[batch.Count];
        foreach (var row in invalid)
        {
            reasons[row.Row] = row.Reason;
        }

        return WriteAsync(schema, OutputLayout.Invalid, part, batch, [AddedValues.Of(reasons)], invalid.Select(i => i.Row).ToArray(), InvalidColumns,
            Chunks(invalid.Count, groupRows), cancellationToken);
    }

    /// <summary>
    /// Once every partition is written and <c>issues/</c> merged: gives each of <paramref name="folders"/> that got no
    /// rows one empty file with its columns, so it reads as an empty table, as Spark writes an empty DataFrame,
    /// instead of a folder a reader cannot infer a schema from.
    /// </summary>
    public async Task WriteEmptyFoldersAsync(DatasetSchema schema, IEnumerable<(string Name, IReadOnlyList<AddedColumn> Columns)> folders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folders);
        foreach (var (name, columns) in folders)
        {
            var path = folder.Subfolder(name);
            if (Directory.EnumerateFiles(path, "*.parquet").Any())
            {
                continue;
            }

            await using var writer = await PartFileWriter.CreateAsync(Path.Combine(path, PartFileName.Of(0, runId)), schema, columns, cancellationToken);
        }
    }

    /// <summary>Row group sizes of at most <paramref name="chunk"/> rows for <paramref name="rows"/> rows.</summary>
    public static IEnumerable<int> Chunks(int rows, int chunk)
    {
        for (var first = 0; first < rows; first += chunk)
        {
            yield return Math.Min(chunk, rows - first);
        }
    }
}
