using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// Writes <c>issues/</c> worst first across files, as Spark's range-partitioned <c>orderBy</c> does: part file f
/// holds ranks f*m .. (f+1)*m - 1. Every rank is known before the merge, so each file is a range of ranks that
/// one thread writes on its own: a k-way merge of the slices of the partitions' spill files (each already sorted
/// by rank) whose ranks fall in the range. Memory is one row group per spill file and one output row group per
/// file being written, however many issues there are; issues kept in memory instead of spilled are merged the same
/// way and freed as they go.
/// </summary>
/// <param name="limits">Output row group size and rows per file (the size of each range).</param>
/// <param name="threads">Files written at once.</param>
internal sealed class IssueMerger(GatherLimits limits, int threads = 1)
{
    /// <summary>The fewest rows of a spill row group: smaller groups cost more in reads than they save in memory.</summary>
    public const int MinSpillRowGroupRows = 64;

    // Fewer rows than this make a file per range cost more in footers and file opens than it gains in parallelism.
    private const int MinFileRows = 1 << 16;

    /// <summary>
    /// Files issues/ is cut into when it is large enough: each is merged by its own thread, and each costs one
    /// spill group read per partition.
    /// </summary>
    public const int MaxFiles = 16;

    /// <summary>The most row groups of one spill file the last merge held at once; one when memory stays bounded and one thread merges.</summary>
    public int PeakBatchesPerSpill { get; private set; }

    /// <summary>The column the merge adds to the spilled issues: each row's rank, 0 for the worst.</summary>
    public static AddedColumn RankColumn { get; } = new(OutputLayout.IssueRank, AddedColumnType.Int64);

    /// <summary>Output files the last merge wrote.</summary>
    public int FileCount { get; private set; }

    /// <summary>
    /// Rows per spill row group for <paramref name="partitions"/> spill files merged on <paramref name="threads"/>
    /// threads, so the merge holds about <paramref name="budgetRows"/> rows.
    /// </summary>
    public static int SpillRowGroupRows(long budgetRows, int partitions, int threads) =>
        (int)Math.Clamp(budgetRows / Math.Max((long)partitions * threads, 1), MinSpillRowGroupRows, 65_536);

    /// <summary>
    /// Rows per <c>issues/</c> file: up to 16 files, fewer when partitions are fewer, so the files can be written side by
    /// side; the layout depends on the data and its partitions, not on threads.
    /// </summary>
    public static int FileRows(long issues, int partitions)
    {
        var files = Math.Clamp(partitions, 1, MaxFiles);
        return (int)Math.Clamp((issues + files - 1) / files, MinFileRows, new GatherLimits().RowsPerFile);
    }

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
        DatasetSchema? spillSchema = null;
        var spills = new List<(ISpill Spill, long[] Ranks)>();
        foreach (var file in Directory.GetFiles(spillFolder).Order(StringComparer.Ordinal))
        {
            var partition = int.Parse(Path.GetFileName(file).AsSpan(5, 5), System.Globalization.CultureInfo.InvariantCulture);
            var dataset = await InputDataset.OpenAsync(file, spillOptions, cancellationToken);
            var spillRanks = ranks.Of(partition);
            if (dataset.RowCount != spillRanks.Length)
            {
                throw new InvalidDataException($"spill file '{file}' holds {dataset.RowCount} rows, {spillRanks.Length} were spilled");
            }

            spillSchema ??= dataset.Schema;
            spills.Add((new SpillFile(dataset), spillRanks));
        }

        return spillSchema is null ? 0 : await MergeFilesAsync(spills, spillSchema, [RankColumn], issuesFolder, runId, ranks.Count, cancellationToken);
    }

    /// <summary>
    /// Merges issues kept in memory, one entry per partition (null for one without issues), into
    /// <paramref name="issuesFolder"/>: the input's columns, then <paramref name="issueColumns"/> (whose values the
    /// kept groups carry), then <c>issue_rank</c>. Returns the rows written; the kept groups are freed as they are merged.
    /// </summary>
    /// <param name="kept">Each partition's issues, worst first.</param>
    /// <param name="input">The input's schema.</param>
    /// <param name="issueColumns">The columns the kept groups add to the input's.</param>
    /// <param name="issuesFolder">The existing, empty output folder.</param>
    /// <param name="runId">The run's id, part of every file name.</param>
    /// <param name="ranks">The global rank of every kept row.</param>
    /// <param name="cancellationToken">Stops the merge.</param>
    public Task<long> MergeAsync(
        IReadOnlyList<KeptIssues?> kept, DatasetSchema input, IReadOnlyList<AddedColumn> issueColumns, string issuesFolder, string runId, IssueRanks ranks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(ranks);
        var spills = kept.Select((k, partition) => (Spill: (ISpill?)k, Ranks: ranks.Of(partition)))
            .Where(s => s.Spill is { RowCount: > 0 }).Select(s => (s.Spill!, s.Ranks)).ToList();
        return MergeFilesAsync(spills, input, [.. issueColumns, RankColumn], issuesFolder, runId, ranks.Count, cancellationToken);
    }

    private async Task<long> MergeFilesAsync(
        List<(ISpill Spill, long[] Ranks)> spills, DatasetSchema schema, IReadOnlyList<AddedColumn> added, string issuesFolder, string runId, long count, CancellationToken cancellationToken)
    {
        var files = (int)((count + limits.RowsPerFile - 1) / limits.RowsPerFile);
        var peaks = new int[files];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, files),
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            async (file, token) => peaks[file] = await WriteFileAsync(spills, schema, added, issuesFolder, runId, file, count, token));
        PeakBatchesPerSpill = peaks.DefaultIfEmpty().Max();
        FileCount = files;
        return count;
    }

    // One file: the ranks [file * m, (file + 1) * m) of every spill, merged.
    private async Task<int> WriteFileAsync(
        List<(ISpill Spill, long[] Ranks)> spills, DatasetSchema schema, IReadOnlyList<AddedColumn> added, string issuesFolder, string runId, int file, long count,
        CancellationToken cancellationToken)
    {
        var first = (long)file * limits.RowsPerFile;
        var end = Math.Min(first + limits.RowsPerFile, count);
        var cursors = new List<SpillCursor>();
        try
        {
            await using var writer = await OrderedPartWriter.CreateAsync(issuesFolder, runId, schema, added, limits, firstPart: file);
            var queue = new PriorityQueue<SpillCursor, long>(spills.Count);
            foreach (var (spill, spillRanks) in spills)
            {
                var from = LowerBound(spillRanks, first);
                var to = LowerBound(spillRanks, end);
                if (from == to)
                {
                    continue;
                }

                var cursor = new SpillCursor(spill, spillRanks, from, to);
                cursors.Add(cursor);
                if (await cursor.NextGroupAsync(writer, cancellationToken))
                {
                    queue.Enqueue(cursor, cursor.NextRank);
                }
            }

            await MergeAsync(queue, writer, first, cancellationToken);
            await writer.CompleteAsync(cancellationToken);
            if (writer.RowCount != end - first)
            {
                throw new InvalidOperationException($"issues file {file} got {writer.RowCount} rows for ranks {first}..{end - 1}");
            }

            return cursors.Max(c => c.PeakBatches);
        }
        finally
        {
            cursors.ForEach(c => c.Dispose());
        }
    }

    // The cursor holding the next rank appends every following row of its group that no other cursor outranks,
    // so runs are as long as the data allows and the queue is touched once per run, not once per row.
    private static async Task MergeAsync(PriorityQueue<SpillCursor, long> queue, OrderedPartWriter writer, long expected, CancellationToken cancellationToken)
    {
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

    private static int LowerBound(long[] sorted, long value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
