using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Local.Execution;
using SparkCleanlab.Local.Output;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution.MultiLabel;

namespace SparkCleanlab.Local.MultiLabel;

/// <summary>
/// The multi-label flag pass for one partition: flags its valid rows, writes them to
/// <c>cleaned/</c> or the issue spill (with the flagged classes and the add/remove actions), and
/// its invalid rows to <c>invalid/</c>. Part numbers are partition indices.
/// </summary>
internal sealed class MultiLabelPartitionOutput(AtomicOutputFolder folder, MultiLabelFlagRule rule, string runId)
{
    private readonly OutputParts _parts = new(folder, runId);

    /// <summary>Rows per row group of the issue spill files (<see cref="IssueMerger.SpillRowGroupRows"/>).</summary>
    public int SpillRowGroupRows { get; init; } = 65_536;

    /// <summary>Columns added to spilled issues; the merge into <c>issues/</c> adds <c>issue_rank</c>.</summary>
    public static IReadOnlyList<AddedColumn> IssueColumns(DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return
        [
            new(OutputLayout.LabelQuality, AddedColumnType.Double),
            new(OutputLayout.IssueClasses, schema.ClassNames is null ? AddedColumnType.Int32List : AddedColumnType.StringList),
            new(OutputLayout.IssueActions, AddedColumnType.StringList),
            new(OutputLayout.Method, AddedColumnType.String),
        ];
    }

    /// <summary>Flags and writes one partition; returns its issue keys in spill order, and its flagged memberships.</summary>
    public async Task<(IssueKey[] Keys, long[] FlaggedGiven, long[] FlaggedNotGiven)> WriteAsync(
        Partition partition, InputBatch batch, IReadOnlyList<InvalidRow> invalid, long firstValidPosition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(batch);
        var schema = partition.Dataset.Schema;
        var k = batch.ClassCount;
        var rows = new ValidMultiLabelRows(batch, invalid, firstValidPosition);
        var n = rows.Count;
        var isIssue = new bool[n];
        var isClassIssue = new bool[n * k];
        var quality = new double[n];
        var ranking = new double[n];
        rule.CreateFlagger().Flag(rows.AsBatch(), new MultiLabelVerdicts(isIssue, isClassIssue, quality, new double[n * k], ranking));

        var flaggedGiven = new long[k];
        var flaggedNotGiven = new long[k];
        var qualityByRow = new double[batch.Count];
        var classesByRow = new List<int>[batch.Count];
        var keys = new List<IssueKey>();
        var cleaned = new List<int>(n);
        var given = batch.Memberships.ToArray();
        for (var i = 0; i < n; i++)
        {
            var row = rows.BatchRow(i);
            qualityByRow[row] = quality[i];
            var classes = new List<int>();
            for (var c = 0; c < k; c++)
            {
                if (isClassIssue[(i * k) + c])
                {
                    classes.Add(c);
                    if (given[(row * k) + c])
                    {
                        flaggedGiven[c]++;
                    }
                    else
                    {
                        flaggedNotGiven[c]++;
                    }
                }
            }

            classesByRow[row] = classes;
            if (isIssue[i])
            {
                keys.Add(new IssueKey(ranking[i], firstValidPosition + i, row));
            }
            else
            {
                cleaned.Add(row);
            }
        }

        keys.Sort();
        var p = partition.Index;
        await _parts.WriteAsync(schema, OutputLayout.Cleaned, p, batch, [], cleaned.ToArray(), [], [cleaned.Count], cancellationToken);
        var issueColumns = IssueColumns(schema);
        AddedValues[] added =
        [
            AddedValues.Of(qualityByRow),
            ClassValues(schema, classesByRow),
            AddedValues.OfLists(Enumerable.Range(0, batch.Count).Select(r => Actions(schema, classesByRow[r], given, r * k)).ToArray()),
            AddedValues.Of(new RepeatedValue(rule.Method, batch.Count)),
        ];
        await _parts.WriteAsync(schema, OutputFolders.Spill, p, batch, added, keys.Select(x => x.BatchRow).ToArray(), issueColumns, OutputParts.Chunks(keys.Count, SpillRowGroupRows), cancellationToken);
        await _parts.WriteInvalidAsync(schema, p, batch, invalid, int.MaxValue, cancellationToken);

        return (keys.ToArray(), flaggedGiven, flaggedNotGiven);
    }

    /// <summary>Gives each output folder that got no rows one empty file with its columns, as <see cref="PartitionOutput.WriteEmptyFoldersAsync"/> does.</summary>
    public Task WriteEmptyFoldersAsync(DatasetSchema schema, CancellationToken cancellationToken) =>
        _parts.WriteEmptyFoldersAsync(
            schema,
            [(OutputLayout.Cleaned, []), (OutputLayout.Issues, [.. IssueColumns(schema), IssueMerger.RankColumn]), (OutputLayout.Invalid, OutputParts.InvalidColumns)],
            cancellationToken);

    private static AddedValues ClassValues(DatasetSchema schema, List<int>?[] classesByRow) =>
        schema.ClassNames is null
            ? AddedValues.OfLists(classesByRow.Select(c => c?.ToArray() ?? []).ToArray())
            : AddedValues.OfLists(classesByRow.Select(c => c?.Select(schema.ClassName).ToArray() ?? []).ToArray());

    // A flagged class the row was given should be removed; one it was not given should be added.
    private static string[] Actions(DatasetSchema schema, List<int>? classes, bool[] given, int rowStart) =>
        classes?.Select(c => (given[rowStart + c] ? "remove:" : "add:") + schema.ClassName(c)).ToArray() ?? [];
}
