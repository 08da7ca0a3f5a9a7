using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// Where one merge stands in a slice of one partition's issues (issues <paramref name="from"/> ..
/// <paramref name="to"/> - 1, those whose ranks fall in the merge's range): one group in memory at a time, taken
/// when the previous one is used up, with the global ranks of its rows as the added <c>issue_rank</c> values.
/// </summary>
internal sealed class SpillCursor(ISpill spill, long[] ranks, int from, int to) : IDisposable
{
    private SpillGroup? _group;
    private GatherSource? _source;
    private int _next = from;

    /// <summary>The most groups of this spill held at once.</summary>
    public int PeakBatches { get; private set; }

    /// <summary>The rank of the next row to append.</summary>
    public long NextRank => ranks[_next];

    /// <summary>Releases the current group and takes the one holding the next row; false when the slice is used up.</summary>
    public async Task<bool> NextGroupAsync(OrderedPartWriter writer, CancellationToken cancellationToken)
    {
        Release();
        if (_next >= to)
        {
            return false;
        }

        _group = await spill.GroupAtAsync(_next, cancellationToken);
        PeakBatches = Math.Max(PeakBatches, spill.BatchesInUse);
        var count = _group.Batch.Count;
        _source = writer.Source(_group.Batch, [.. _group.Added, AddedValues.Of(ranks.AsMemory(_group.FirstRow, count))]);
        return true;
    }

    /// <summary>
    /// Appends this group's rows ranked below <paramref name="limit"/> (the next rank of every other cursor), at
    /// least one; returns the rank after the last row appended and whether the group is used up.
    /// </summary>
    public async Task<(long Next, bool GroupDone)> AppendRunAsync(OrderedPartWriter writer, long limit, CancellationToken cancellationToken)
    {
        var start = _group!.FirstRow;
        var end = Math.Min(to, start + _group.Batch.Count);
        var first = _next;
        var row = first + 1;
        while (row < end && ranks[row] < limit)
        {
            row++;
        }

        await writer.AppendAsync(_source!, first - start, row - first, cancellationToken);
        _next = row;
        return (ranks[row - 1] + 1, row == end);
    }

    /// <summary>Releases the current group.</summary>
    public void Dispose() => Release();

    private void Release()
    {
        _source?.Dispose();
        _group?.Dispose();
        _source = null;
        _group = null;
    }
}
