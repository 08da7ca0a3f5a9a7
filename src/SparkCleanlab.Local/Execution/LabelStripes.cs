using SparkCleanlab.Core.Rows;
using SparkCleanlab.Parquet.Memory;

namespace SparkCleanlab.Local.Execution;

/// <summary>
/// Lets every worker of a pass add into one shared state instead of a state each: a batch's rows are grouped by
/// given label, and each label's rows are added under that label's lock. States whose rows of one label touch only
/// that label's part (the confident joint's row, a class's selection windows) then hold one copy however many
/// threads run, which matters when the state grows with K x K. A worker first takes the labels nobody else holds
/// and comes back for the busy ones, so two workers rarely wait for each other.
/// </summary>
internal sealed class LabelStripes
{
    private readonly Lock[] _locks;

    /// <summary>Stripes for <paramref name="classCount"/> labels.</summary>
    public LabelStripes(int classCount)
    {
        _locks = new Lock[classCount];
        for (var label = 0; label < classCount; label++)
        {
            _locks[label] = new Lock();
        }
    }

    /// <summary>Adds the rows of one label: <paramref name="rows"/> are indices into <paramref name="batch"/>.</summary>
    public delegate void RowsOfLabel(RowBatch batch, ReadOnlySpan<int> rows);

    /// <summary>Calls <paramref name="add"/> once per label present in <paramref name="batch"/>, holding that label's lock.</summary>
    public void Add(RowBatch batch, RowsOfLabel add)
    {
        var k = _locks.Length;
        var starts = BatchBuffers<int>.Shared.Rent(k + 1);
        var order = BatchBuffers<int>.Shared.Rent(batch.Count);
        var busy = BatchBuffers<int>.Shared.Rent(k);
        try
        {
            GroupByLabel(batch.Labels, starts.AsSpan(0, k + 1), order);
            var waiting = 0;
            for (var label = 0; label < k; label++)
            {
                if (starts[label + 1] == starts[label])
                {
                    continue;
                }

                if (_locks[label].TryEnter())
                {
                    AddHeld(batch, add, label, order.AsSpan(starts[label]..starts[label + 1]));
                }
                else
                {
                    busy[waiting++] = label;
                }
            }

            foreach (var label in busy.AsSpan(0, waiting))
            {
                _locks[label].Enter();
                AddHeld(batch, add, label, order.AsSpan(starts[label]..starts[label + 1]));
            }
        }
        finally
        {
            BatchBuffers<int>.Shared.Return(starts);
            BatchBuffers<int>.Shared.Return(order);
            BatchBuffers<int>.Shared.Return(busy);
        }
    }

    // Counting sort: the rows of label c end up at order[starts[c]..starts[c + 1]], in row order.
    private static void GroupByLabel(ReadOnlySpan<int> labels, Span<int> starts, int[] order)
    {
        starts.Clear();
        foreach (var label in labels)
        {
            starts[label + 1]++;
        }

        for (var label = 1; label < starts.Length; label++)
        {
            starts[label] += starts[label - 1];
        }

        Span<int> next = starts.Length <= 1024 ? stackalloc int[starts.Length] : new int[starts.Length];
        starts.CopyTo(next);
        for (var row = 0; row < labels.Length; row++)
        {
            order[next[labels[row]]++] = row;
        }
    }

    private void AddHeld(RowBatch batch, RowsOfLabel add, int label, ReadOnlySpan<int> rows)
    {
        try
        {
            add(batch, rows);
        }
        finally
        {
            _locks[label].Exit();
        }
    }
}
