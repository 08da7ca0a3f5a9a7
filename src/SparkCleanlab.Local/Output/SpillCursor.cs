using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// Where the merge stands in one partition's spill file: one row group in memory at a time, read when the
/// previous one is used up, with the global ranks of its rows as the added <c>issue_rank</c> values.
/// </summary>
internal sealed class SpillCursor(InputDataset spill, long[] ranks) : IDisposable
{
    private int _group = -1;
    private int _groupStart;
    private InputBatch? _batch;
    private GatherSource? _source;
    private int _row;

    /// <summary>The most row groups of this spill file held at once.</summary>
    public int PeakBatches { get; private set; }

    /// <summary>The rank of the next row to append.</summary>
    public long NextRank => ranks[_groupStart + _row];

    /// <summary>Releases the current row group and reads the next; false when the file is used up.</summary>
    public async Task<bool> NextGroupAsync(OrderedPartWriter writer, CancellationToken cancellationToken)
    {
        _groupStart += _batch?.Count ?? 0;
        Release();
        if (++_group < spill.Partitions.Count)
        {
            _batch = await spill.ReadAsync(spill.Partitions[_group], cancellationToken);
            PeakBatches = Math.Max(PeakBatches, spill.BatchesInUse);
            _source = writer.Source(_batch, [AddedValues.Of(ranks.AsMemory(_groupStart, _batch.Count))]);
            _row = 0;
            return true;
        }

        if (_groupStart != ranks.Length)
        {
            throw new InvalidDataException($"spill file '{spill.Partitions[0].File}' holds {_groupStart} rows, {ranks.Length} were spilled");
        }

        return false;
    }

    /// <summary>
    /// Appends this group's rows ranked below <paramref name="limit"/> (the next rank of every other cursor), at
    /// least one; returns the rank after the last row appended and whether the group is used up.
    /// </summary>
    public async Task<(long Next, bool GroupDone)> AppendRunAsync(OrderedPartWriter writer, long limit, CancellationToken cancellationToken)
    {
        var count = _batch!.Count;
        var first = _row;
        var row = first + 1;
        while (row < count && ranks[_groupStart + row] < limit)
        {
            row++;
        }

        await writer.AppendAsync(_source!, first, row - first, cancellationToken);
        _row = row;
        return (ranks[_groupStart + row - 1] + 1, row == count);
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
