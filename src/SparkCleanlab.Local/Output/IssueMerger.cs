using SparkCleanlab.Plan;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// Writes <c>issues/</c> worst first across files: a k-way merge of the partitions' spill files, each already
/// sorted by rank, into part files holding ranks 0..m-1, m..2m-1, ... Memory is one row group per spill file plus
/// one output row group, however many issues there are.
/// </summary>
/// <param name="limits">Output row group and file sizes.</param>
public sealed class IssueMerger(GatherLimits limits)
{
    // Spill row groups are sized so all cursors together hold about this many rows.
    private const int SpillBudgetRows = 1 << 20;

    /// <summary>The most row groups of one spill file the last merge held at once; one when memory stays bounded.</summary>
    public int PeakBatchesPerSpill { get; private set; }

    /// <summary>The column the merge adds to the spilled issues: each row's rank, 0 for the worst.</summary>
    public static AddedColumn RankColumn { get; } = new(OutputLayout.IssueRank, AddedColumnType.Int64);

    /// <summary>Output files the last merge wrote.</summary>
    public int FileCount { get; private set; }

    /// <summary>Rows per spill row group for <paramref name="partitions"/> spill files, so the merge holds about a million rows.</summary>
    public static int SpillRowGroupRows(int partitions) => Math.Clamp(SpillBudgetRows / Math.Max(partitions, 1), 1024, 65_536);

    /// <summary>
    /// Merges the spill files of <paramref name="spillFolder"/> (named by partition index, as
    /// <see cref="PartitionOutput"/> writes them) into <paramref name="issuesFolder"/> with an <c>issue_rank</c> column;
    /// returns the rows written.
    /// </summary>
    /// <param name="spillFolder">The spill files.</param>
    /// <param name="issuesFolder">The existing, empty output folder.</param>
    /// <param name="spillOptions">How to read the spill files: the input's options with its class count and names settled.</param>
    /// <param name="runId">The run's id, part of every file name.</param>
    /// <param name="ranks">The global rank of every spilled row.</param>
    /// <param name="cancellationToken">Stops the merge.</param>
    public async Task<long> MergeAsync(string spillFolder, string issuesFolder, InputSchemaOptions spillOptions, string runId, IssueRanks ranks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spillOptions);
        ArgumentNullException.ThrowIfNull(ranks);
        var cursors = new List<SpillCursor>();
        try
        {
            DatasetSchema? spillSchema = null;
            var spills = new List<(InputDataset Dataset, long[] Ranks)>();
            foreach (var file in Directory.GetFiles(spillFolder).Order(StringComparer.Ordinal))
            {
                var partition = int.Parse(Path.GetFileName(file).AsSpan(5, 5), System.Globalization.CultureInfo.InvariantCulture);
                var dataset = await InputDataset.OpenAsync(file, spillOptions, cancellationToken);
                spillSchema ??= dataset.Schema;
                spills.Add((dataset, ranks.Of(partition)));
            }

            if (spillSchema is null)
            {
                return 0;
            }

            await using var writer = await OrderedPartWriter.CreateAsync(issuesFolder, runId, spillSchema, [RankColumn], limits);
            var queue = new PriorityQueue<SpillCursor, long>(spills.Count);
            foreach (var (dataset, spillRanks) in spills)
            {
                var cursor = new SpillCursor(dataset, spillRanks);
                cursors.Add(cursor);
                if (await cursor.NextGroupAsync(writer, cancellationToken))
                {
                    queue.Enqueue(cursor, cursor.NextRank);
                }
            }

            await MergeAsync(queue, writer, cancellationToken);
            await writer.CompleteAsync(cancellationToken);
            PeakBatchesPerSpill = cursors.Max(c => c.PeakBatches);
            FileCount = writer.FileCount;
            return writer.RowCount;
        }
        finally
        {
            cursors.ForEach(c => c.Dispose());
        }
    }

    // The cursor holding the next rank appends every following row of its group that no other cursor outranks,
    // so runs are as long as the data allows and the queue is touched once per run, not once per row.
    private static async Task MergeAsync(PriorityQueue<SpillCursor, long> queue, OrderedPartWriter writer, CancellationToken cancellationToken)
    {
        long expected = 0;
        while (queue.TryDequeue(out var cursor, out var rank))
        {
            if (rank != expected)
            {
                throw new InvalidOperationException($"the spill files skip from rank {expected} to {rank}");
            }

            var limit = queue.TryPeek(out _, out var next) ? next : long.MaxValue;
            (expected, var groupDone) = await cursor.AppendRunAsync(writer, limit, cancellationToken);
            if (!groupDone || await cursor.NextGroupAsync(writer, cancellationToken))
            {
                queue.Enqueue(cursor, cursor.NextRank);
            }
        }
    }
}
