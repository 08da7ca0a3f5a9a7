using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Local.Execution;

/// <summary>Adds the valid rows of one partition to a pass's state.</summary>
public delegate void RowsAction(RowBatch rows);

/// <summary>
/// The decoded valid rows (labels and probabilities) of as many partitions as fit in a fixed
/// budget, kept from the validation pass for the passes that only need those (confident
/// joint, selection rounds): they then cost no Parquet decoding. Partitions beyond the budget
/// are read again, so memory stays bounded by the budget, never by the data size.
/// </summary>
public sealed class RowCache
{
    private readonly (int[] Labels, double[] Probabilities)?[] _entries;
    private long _budgetBytes;

    /// <summary>An empty cache for <paramref name="partitions"/> partitions and a budget in bytes.</summary>
    public RowCache(int partitions, long budgetBytes)
    {
        _entries = new (int[], double[])?[partitions];
        _budgetBytes = budgetBytes;
    }

    /// <summary>Partitions held.</summary>
    public int Count => _entries.Count(e => e is not null);

    /// <summary>Keeps a copy of the rows when the budget still allows; safe from worker threads.</summary>
    public void TryKeep(int partition, RowBatch rows)
    {
        var bytes = (rows.Count * sizeof(int)) + ((long)rows.Probabilities.Length * sizeof(double));
        if (Interlocked.Add(ref _budgetBytes, -bytes) < 0)
        {
            Interlocked.Add(ref _budgetBytes, bytes);
            return;
        }

        _entries[partition] = (rows.Labels.ToArray(), rows.Probabilities.ToArray());
    }

    /// <summary>Runs <paramref name="action"/> on a held partition, whose first valid row has position <paramref name="firstPosition"/>; false when it is not held.</summary>
    public bool TryUse(int partition, int classCount, long firstPosition, RowsAction action)
    {
        if (_entries[partition] is not { } entry)
        {
            return false;
        }

        action(new RowBatch(entry.Labels, entry.Probabilities, classCount, firstPosition));
        return true;
    }

    /// <summary>Lets go of every partition, before the pass that needs whole batches.</summary>
    public void Clear() => Array.Clear(_entries);
}
