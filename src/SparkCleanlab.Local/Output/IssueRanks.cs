namespace SparkCleanlab.Local.Output;

/// <summary>
/// The global rank of every issue, from the keys the partitions kept. Only issues are sorted,
/// never the data set: 24 bytes per issue.
/// </summary>
public sealed class IssueRanks
{
    private readonly long[][] _ranks;

    /// <summary>Ranks the issues of all partitions; <paramref name="keysByPartition"/> holds each partition's keys in spill order.</summary>
    public IssueRanks(IReadOnlyList<IssueKey[]> keysByPartition)
    {
        _ranks = keysByPartition.Select(k => new long[k.Length]).ToArray();
        var all = keysByPartition.SelectMany(k => k).ToArray();
        Array.Sort(all);
        for (var rank = 0; rank < all.Length; rank++)
        {
            _ranks[all[rank].Partition][all[rank].SpillRow] = rank;
        }

        Count = all.Length;
    }

    /// <summary>Number of issues.</summary>
    public long Count { get; }

    /// <summary>The ranks of one partition's spilled issues, in spill order.</summary>
    public long[] Of(int partition) => _ranks[partition];
}
