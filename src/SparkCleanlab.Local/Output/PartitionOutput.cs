using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Plan;
using SparkCleanlab.Core.Flagging;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Local.Execution;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// Stage 4 for one partition (the join back): flags its valid rows, then writes them to
/// <c>cleaned/</c> or the issue spill, and optionally to <c>annotated/</c>; invalid rows go to
/// <c>invalid/</c>. Part numbers are partition indices, so the layout does not depend on threads.
/// </summary>
internal sealed class PartitionOutput(AtomicOutputFolder folder, IssueFlagger flagger, string method, bool annotated, string runId)
{
    private readonly OutputParts _parts = new(folder, runId);

    /// <summary>
    /// Rows per row group of the issue spill files, at most; the merge holds one such group per partition and
    /// thread, so the engine sizes it by both (<see cref="IssueMerger.SpillRowGroupRows"/>).
    /// </summary>
    public int SpillRowGroupRows { get; init; } = 65_536;

    /// <summary>
    /// When set, one entry per partition: each partition's issues are kept there, in memory, instead of being written
    /// to a spill file; the engine sets it, before the write pass, when every issue fits the merge's share of the budget.
    /// </summary>
    public KeptIssues?[]? Kept { get; set; }

    /// <summary>Rows per row group of <c>cleaned/</c>, <c>annotated/</c> and <c>invalid/</c>, at most.</summary>
    public int OutputRowGroupRows { get; init; } = 131_072;

    /// <summary>Columns added to spilled issues; the merge into <c>issues/</c> adds <c>issue_rank</c>.</summary>
    public static IReadOnlyList<AddedColumn> IssueColumns(DatasetSchema schema) =>
        [new(OutputLayout.LabelQuality, AddedColumnType.Double), SuggestedLabel(schema), new(OutputLayout.Method, AddedColumnType.String)];

    private static IReadOnlyList<AddedColumn> AnnotatedColumns(DatasetSchema schema) =>
        [new(OutputLayout.IsLabelIssue, AddedColumnType.Boolean), new(OutputLayout.LabelQuality, AddedColumnType.Double), SuggestedLabel(schema)];

    /// <summary>
    /// The issue keys of one partition's valid rows, worst first, before anything is written: the keys of every
    /// partition give every issue its global rank (<see cref="IssueRanks"/>), so the write pass knows where each
    /// issue goes. <see cref="IssueKey.BatchRow"/> is the row's index among <paramref name="rows"/>.
    /// </summary>
    public IssueKey[] Keys(RowBatch rows)
    {
        var verdicts = BatchBuffers<RowVerdict>.Shared.Rent(rows.Count);
        try
        {
            flagger.Flag(rows, verdicts.AsSpan(0, rows.Count));
            var keys = new List<IssueKey>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (verdicts[i].IsLabelIssue)
                {
                    keys.Add(new IssueKey(verdicts[i].LabelQuality, rows.FirstPosition + i, i));
                }
            }

            keys.Sort();
            return keys.ToArray();
        }
        finally
        {
            BatchBuffers<RowVerdict>.Shared.Return(verdicts);
        }
    }

    /// <summary>
    /// Flags and writes one partition. Its issues are spilled worst first, in row groups that never straddle two
    /// <c>issues/</c> files (<paramref name="fileRows"/> ranks each), so each file's merge reads only its own rows.
    /// </summary>
    /// <param name="partition">The partition.</param>
    /// <param name="batch">Its rows.</param>
    /// <param name="invalid">Its invalid rows, in row order.</param>
    /// <param name="firstValidPosition">The position of its first valid row among all valid rows.</param>
    /// <param name="ranks">The global ranks of its issues, worst first, from <see cref="Keys"/> of every partition.</param>
    /// <param name="fileRows">Ranks per <c>issues/</c> file.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    public async Task WriteAsync(Partition partition, InputBatch batch, IReadOnlyList<InvalidRow> invalid, long firstValidPosition, long[] ranks, int fileRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(ranks);
        var schema = partition.Dataset.Schema;
        var quality = new double[batch.Count];
        var suggested = new int[batch.Count];
        var isIssue = new bool[batch.Count];
        var cleaned = new List<int>(batch.Count);
        IssueKey[] keys;
        using (var rows = new ValidRows(batch, invalid, firstValidPosition))
        {
            keys = Flag(rows, quality, suggested, isIssue, cleaned);
        }

        if (keys.Length != ranks.Length)
        {
            throw new InvalidOperationException($"partition {partition.Index} flags {keys.Length} issues in the write pass and {ranks.Length} when ranked");
        }

        var suggestedValues = SuggestedValues(schema, suggested);
        var p = partition.Index;
        await _parts.WriteAsync(schema, OutputLayout.Cleaned, p, batch, [], cleaned.ToArray(), [], OutputParts.Chunks(cleaned.Count, OutputRowGroupRows), cancellationToken);
        var spillRows = keys.Select(k => k.BatchRow).ToArray();
        if (Kept is { } kept)
        {
            kept[p] = spillRows.Length == 0 ? null : KeptIssues.Of(batch, spillRows, rows => IssueValues(schema, quality, suggested, rows), SpillGroups(ranks, fileRows));
        }
        else
        {
            var methodValues = new RepeatedValue(method, batch.Count);
            await _parts.WriteAsync(schema, OutputFolders.Spill, p, batch, [AddedValues.Of(quality), suggestedValues, AddedValues.Of(methodValues)], spillRows,
                IssueColumns(schema), SpillGroups(ranks, fileRows), cancellationToken);
        }
        if (annotated)
        {
            var validRows = new int[batch.Count - invalid.Count];
            ValidRowIndex.Fill(invalid, validRows);
            await _parts.WriteAsync(schema, OutputLayout.Annotated, p, batch, [AddedValues.Of(isIssue), AddedValues.Of(quality), suggestedValues], validRows,
                AnnotatedColumns(schema), OutputParts.Chunks(validRows.Length, OutputRowGroupRows), cancellationToken);
        }

        await _parts.WriteInvalidAsync(schema, p, batch, invalid, OutputRowGroupRows, cancellationToken);
    }

    // Spill row group sizes: at most SpillRowGroupRows, and cut where the rank enters the next issues file.
    private IEnumerable<int> SpillGroups(long[] ranks, int fileRows)
    {
        var start = 0;
        for (var i = 1; i <= ranks.Length; i++)
        {
            if (i == ranks.Length || i - start == SpillRowGroupRows || ranks[i] / fileRows != ranks[start] / fileRows)
            {
                yield return i - start;
                start = i;
            }
        }
    }

    private IssueKey[] Flag(ValidRows rows, double[] quality, int[] suggested, bool[] isIssue, List<int> cleaned)
    {
        var verdicts = BatchBuffers<RowVerdict>.Shared.Rent(rows.Count);
        try
        {
            flagger.Flag(rows.AsBatch(), verdicts.AsSpan(0, rows.Count));
            var keys = new List<IssueKey>();
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows.BatchRow(i);
                var verdict = verdicts[i];
                quality[row] = verdict.LabelQuality;
                suggested[row] = verdict.SuggestedLabel;
                isIssue[row] = verdict.IsLabelIssue;
                if (verdict.IsLabelIssue)
                {
                    keys.Add(new IssueKey(verdict.LabelQuality, rows.FirstPosition + i, row));
                }
                else
                {
                    cleaned.Add(row);
                }
            }

            keys.Sort();
            return keys.ToArray();
        }
        finally
        {
            BatchBuffers<RowVerdict>.Shared.Return(verdicts);
        }
    }

    /// <summary>
    /// Once every partition is written and issues/ merged: gives each output folder that got no
    /// rows one empty file with its columns, so it reads as an empty table, as Spark writes an
    /// empty DataFrame, instead of a folder a reader cannot infer a schema from.
    /// </summary>
    public Task WriteEmptyFoldersAsync(DatasetSchema schema, CancellationToken cancellationToken)
    {
        List<(string Name, IReadOnlyList<AddedColumn> Columns)> folders =
        [
            (OutputLayout.Cleaned, []),
            (OutputLayout.Issues, [.. IssueColumns(schema), IssueMerger.RankColumn]),
            (OutputLayout.Invalid, OutputParts.InvalidColumns),
        ];
        if (annotated)
        {
            folders.Add((OutputLayout.Annotated, AnnotatedColumns(schema)));
        }

        return _parts.WriteEmptyFoldersAsync(schema, folders, cancellationToken);
    }

    // The issue columns' values of the given batch rows, indexed by their order in rows.
    private IReadOnlyList<AddedValues> IssueValues(DatasetSchema schema, double[] quality, int[] suggested, int[] rows) =>
        [
            AddedValues.Of(rows.Select(r => quality[r]).ToArray()),
            SuggestedValues(schema, rows.Select(r => suggested[r]).ToArray()),
            AddedValues.Of(new RepeatedValue(method, rows.Length)),
        ];

    private static AddedColumn SuggestedLabel(DatasetSchema schema) =>
        new(OutputLayout.SuggestedLabel, schema.LabelKind == LabelKind.ClassName ? AddedColumnType.String : AddedColumnType.Int32);

    private static AddedValues SuggestedValues(DatasetSchema schema, int[] suggested) =>
        schema.LabelKind == LabelKind.ClassName ? AddedValues.Of(suggested.Select(s => (string?)schema.ClassName(s)).ToArray()) : AddedValues.Of(suggested);
}
