using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// A partition's issues kept in memory instead of spilled: copies of their rows, worst first, cut into the same
/// groups as a spill file's row groups (never straddling two <c>issues/</c> files). Each group is read by the one
/// merge cursor of its file, which takes it over and frees it when done, so memory shrinks as the merge goes.
/// </summary>
internal sealed class KeptIssues : ISpill, IDisposable
{
    private readonly SpillGroup?[] _groups;
    private readonly int[] _firstRows;

    private KeptIssues(SpillGroup?[] groups, int rowCount)
    {
        _groups = groups;
        _firstRows = groups.Select(g => g!.FirstRow).ToArray();
        RowCount = rowCount;
    }

    /// <inheritdoc/>
    public int RowCount { get; }

    /// <inheritdoc/>
    public int BatchesInUse => 1;

    /// <summary>
    /// Copies the issue rows <paramref name="rows"/> (batch rows, worst first) of <paramref name="batch"/> with their
    /// added values (indexed by batch row), in groups of <paramref name="groupRows"/> rows each.
    /// </summary>
    public static KeptIssues Of(InputBatch batch, int[] rows, Func<int[], IReadOnlyList<AddedValues>> added, IEnumerable<int> groupRows)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new List<SpillGroup?>();
        try
        {
            var first = 0;
            foreach (var count in groupRows)
            {
                var groupRowsOfBatch = rows.AsSpan(first, count).ToArray();
                var columns = new List<PassThroughColumn>(batch.Columns.Count);
                foreach (var column in batch.Columns)
                {
                    columns.Add(column.Subset(groupRowsOfBatch));
                }

                var copy = new InputBatch(batch.Partition, count, 0, columns, () => { });
                groups.Add(new SpillGroup(first, copy, added(groupRowsOfBatch)));
                first += count;
            }
        }
        catch
        {
            groups.ForEach(g => g?.Dispose());
            throw;
        }

        return new KeptIssues([.. groups], rows.Length);
    }

    /// <inheritdoc/>
    public Task<SpillGroup> GroupAtAsync(int row, CancellationToken cancellationToken)
    {
        var index = SpillGroup.IndexOf(_firstRows, row);
        var group = Interlocked.Exchange(ref _groups[index], null)
            ?? throw new InvalidOperationException($"issue group {index} of partition was already merged");
        return Task.FromResult(group);
    }

    /// <summary>Frees the groups no merge took.</summary>
    public void Dispose()
    {
        for (var i = 0; i < _groups.Length; i++)
        {
            Interlocked.Exchange(ref _groups[i], null)?.Dispose();
        }
    }
}
