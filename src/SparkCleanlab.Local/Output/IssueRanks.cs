namespace SparkCleanlab.Local.Output;

/// <summary>
/// The global rank of every issue, from the keys the partitions kept. Each partition's keys are
/// already worst first, so the ranks come from a k-way merge of those runs: no copy of all keys
/// and no sort of the data set.
/// </summary>
public sealed class IssueRanks
{
    private readonly long[][] _ranks;

    /// <summary>Ranks the issues of all partitions; <paramref name="keysByPartition"/> holds each partition's keys in spill order (worst first).</summary>
    public IssueRanks(IReadOnlyList<IssueKey[]> keysByPartition)
    {
        _ranks = keysByPartition.Select(k => new long[k.Length]).ToArray();
        var next = new int[keysByPartition.Count];
        var queue = new PriorityQueue<int, IssueKey>();
        for (var p = 0; p < keysByPartition.Count; p++)
        {
            if (keysByPartition[p].Length > 0)
            {
                queue.Enqueue(p, keysByPartition[p][0]);
            }
        }

        long rank = 0;
        while (queue.TryDequeue(out var p, out _))
        {
            var keys = keysByPartition[p];
            _ranks[p][next[p]++] = rank++;
            if (next[p] < keys.Length)
            {
                queue.Enqueue(p, keys[next[p]]);
            }
        }

        Count = rank;
    }

    /// <summary>Number of issues.</summary>
    public long Count { get; }

    /// <summary>The ranks of one partition's spilled issues, in spill order.</summary>
    public long[] Of(int partition) => _ranks[partition];
}
