using SparkCleanlab.Core.Rows;
using SparkCleanlab.Parquet.Memory;

namespace SparkCleanlab.Local.Execution;

/// <summary>Adds the valid rows of one partition to a pass's state.</summary>
internal delegate void RowsAction(RowBatch rows);

/// <summary>
/// The decoded valid rows (labels and probabilities) of as many partitions as fit in a fixed
/// budget, kept from the validation pass for the passes that only need those (confident
/// joint, selection rounds, issue keys): they then cost no decoding. Probabilities that are all
/// float32 values (float32 input, widened) are kept as float32 and widened again on use, exactly, so
/// they take half the memory. Partitions beyond the budget are read again, so memory stays bounded
/// by the budget, never by the data size.
/// </summary>
internal sealed class RowCache
{
    private readonly Entry?[] _entries;
    private readonly long _budgetBytes;
    private long _freeBytes;

    /// <summary>An empty cache for <paramref name="partitions"/> partitions and a budget in bytes.</summary>
    public RowCache(int partitions, long budgetBytes)
    {
        _entries = new Entry?[partitions];
        _budgetBytes = budgetBytes;
        _freeBytes = budgetBytes;
    }

    /// <summary>Partitions held.</summary>
    public int Count => _entries.Count(e => e is not null);

    /// <summary>Bytes held.</summary>
    public long Bytes => _budgetBytes - Interlocked.Read(ref _freeBytes);

    /// <summary>Keeps a copy of the rows when the budget still allows; safe from worker threads.</summary>
    public void TryKeep(int partition, RowBatch rows)
    {
        var single = SinglePrecision(rows.Probabilities);
        var bytes = (rows.Count * sizeof(int)) + ((long)rows.Probabilities.Length * (single is null ? sizeof(double) : sizeof(float)));
        if (Interlocked.Add(ref _freeBytes, -bytes) < 0)
        {
            Interlocked.Add(ref _freeBytes, bytes);
            return;
        }

        _entries[partition] = new Entry(Copy(rows.Labels), single is null ? Copy(rows.Probabilities) : null, single);
    }

    /// <summary>Runs <paramref name="action"/> on a held partition, whose first valid row has position <paramref name="firstPosition"/>; false when it is not held.</summary>
    public bool TryUse(int partition, int classCount, long firstPosition, RowsAction action)
    {
        if (_entries[partition] is not { } entry)
        {
            return false;
        }

        if (entry.Doubles is not null)
        {
            action(new RowBatch(entry.Labels, entry.Doubles, classCount, firstPosition));
            return true;
        }

        var count = entry.Singles!.Length;
        var widened = BatchBuffers<double>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                widened[i] = entry.Singles[i];
            }

            action(new RowBatch(entry.Labels, widened.AsSpan(0, count), classCount, firstPosition));
        }
        finally
        {
            BatchBuffers<double>.Shared.Return(widened);
        }

        return true;
    }

    /// <summary>Lets go of every partition, before the pass that needs whole batches.</summary>
    public void Clear()
    {
        Array.Clear(_entries);
        Interlocked.Exchange(ref _freeBytes, _budgetBytes);
    }

    // The values as float32 when each one is a float32 value exactly, else null; float64 data fails on its first value,
    // before anything is allocated.
    private static float[]? SinglePrecision(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return [];
        }

        if ((float)values[0] != values[0])
        {
            return null;
        }

        var singles = GC.AllocateUninitializedArray<float>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var single = (float)values[i];
            if (single != values[i])
            {
                return null;
            }

            singles[i] = single;
        }

        return singles;
    }

    // Not zeroed first: the copy writes every element, and the cache is hundreds of MB of fresh memory, where zeroing
    // would double what the validation pass writes.
    private static T[] Copy<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var copy = GC.AllocateUninitializedArray<T>(values.Length);
        values.CopyTo(copy);
        return copy;
    }

    private sealed record Entry(int[] Labels, double[]? Doubles, float[]? Singles);
}
