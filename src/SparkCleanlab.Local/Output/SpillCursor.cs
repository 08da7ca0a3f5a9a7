using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// Where one merge stands in a slice of one partition's spill file (spill rows <paramref name="from"/> ..
/// <paramref name="to"/> - 1, the rows whose ranks fall in the merge's range): one row group in memory at a time,
/// read when the previous one is used up, with the global ranks of its rows as the added <c>issue_rank</c> values.
/// </summary>
internal sealed class SpillCursor(InputDataset spill, long[] ranks, int from, int to) : IDisposable
{
    private int _group = -1;
    private int _groupStart;
    private InputBatch? _batch;
    private GatherSource? _source;
    private int _next = from;

    /// <summary>The most row groups of this spill file held at once.</summary>
    public int PeakBatches { get; private set; }

    /// <summary>The rank of the next row to append.</summary>
    public long NextRank => ranks[_next];

    /// <summary>Releases the current row group and reads the one holding the next row; false when the slice is used up.</summary>
    public async Task<bool> NextGroupAsync(OrderedPartWriter writer, CancellationToken cancellationToken)
    {
        Release();
        if (_next >= to)
        {
            return false;
        }

        // Partitions of a spill file are its row groups; a group's first position is its first spill row.
        while (_group + 1 < spill.Partitions.Count && spill.Partitions[_group + 1].FirstPosition <= _next)
        {
            _group++;
        }

        var group = spill.Partitions[_group];
        _groupStart = (int)group.FirstPosition;
        _batch = await spill.ReadAsync(group, cancellationToken);
        PeakBatches = Math.Max(PeakBatches, spill.BatchesInUse);
        _source = writer.Source(_batch, [AddedValues.Of(ranks.AsMemory(_groupStart, _batch.Count))]);
        return true;
    }

    /// <summary>
    /// Appends this group's rows ranked below <paramref name="limit"/> (the next rank of every other cursor), at
    /// least one; returns the rank after the last row appended and whether the group is used up.
    /// </summary>
    public async Task<(long Next, bool GroupDone)> AppendRunAsync(OrderedPartWriter writer, long limit, CancellationToken cancellationToken)
    {
        var end = Math.Min(to, _groupStart + _batch!.Count);
        var first = _next;
        var row = first + 1;
        while (row < end && ranks[row] < limit)
        {
            row++;
        }

        await writer.AppendAsync(_source!, first - _groupStart, row - first, cancellationToken);
        _next = row;
        return (ranks[row - 1] + 1, row == end);
    }

    /// <summary>Releases the current row group.</summary>
    public void Dispose() => Release();

    private void Release()
    {
        _source?.Dispose();
        _batch?.Dispose();
        _source = null;
        _batch = null;
    }
}
