namespace SparkCleanlab.Local.Output;

/// <summary>
/// The global rank of every issue, from the keys the partitions kept. Each partition's keys are
/// already worst first, so the ranks come from merging those runs. The key space is cut at
/// sampled splitters into ranges of about equal size; a range's first rank is the count of keys
/// below its lower splitter, so every range merges on its own thread with no copy of all keys.
/// </summary>
internal sealed class IssueRanks
{
    // Below this many keys a range costs more to set up than it saves.
    private const int MinKeysPerRange = 1 << 14;

    // Samples per range: enough that ranges come out within a few percent of one another.
    private const int SamplesPerRange = 64;

    private readonly long[][] _ranks;

    /// <summary>Ranks the issues of all partitions; <paramref name="keysByPartition"/> holds each partition's keys in spill order (worst first).</summary>
    /// <param name="keysByPartition">Each partition's keys, sorted.</param>
    /// <param name="threads">Threads to merge on.</param>
    public IssueRanks(IReadOnlyList<IssueKey[]> keysByPartition, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(keysByPartition);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _ranks = keysByPartition.Select(k => new long[k.Length]).ToArray();
        Count = keysByPartition.Sum(k => (long)k.Length);
        var ranges = (int)Math.Clamp(Count / MinKeysPerRange, 1, threads * 4L);
        var splitters = Splitters(keysByPartition, ranges);

        // bounds[j][p]: the first key of partition p at or above splitter j.
        var bounds = new int[splitters.Length + 2][];
        bounds[0] = new int[keysByPartition.Count];
        bounds[^1] = keysByPartition.Select(k => k.Length).ToArray();
        for (var j = 0; j < splitters.Length; j++)
        {
            bounds[j + 1] = keysByPartition.Select(k => LowerBound(k, splitters[j])).ToArray();
        }

        Parallel.For(0, bounds.Length - 1, new ParallelOptions { MaxDegreeOfParallelism = threads }, j => Merge(keysByPartition, bounds[j], bounds[j + 1]));
    }

    /// <summary>Number of issues.</summary>
    public long Count { get; }

    /// <summary>The ranks of one partition's spilled issues, in spill order.</summary>
    public long[] Of(int partition) => _ranks[partition];

    // Every key below the range's start is ranked before it, so its first rank is their count.
    private void Merge(IReadOnlyList<IssueKey[]> keysByPartition, int[] from, int[] to)
    {
        var next = (int[])from.Clone();
        long rank = from.Sum(i => (long)i);
        var queue = new PriorityQueue<int, IssueKey>();
        for (var p = 0; p < keysByPartition.Count; p++)
        {
            if (next[p] < to[p])
            {
                queue.Enqueue(p, keysByPartition[p][next[p]]);
            }
        }

        while (queue.TryDequeue(out var p, out _))
        {
            _ranks[p][next[p]++] = rank++;
            if (next[p] < to[p])
            {
                queue.Enqueue(p, keysByPartition[p][next[p]]);
            }
        }
    }

    // Evenly spaced samples of every run, sorted; every (samples / ranges)-th is a splitter.
    private static IssueKey[] Splitters(IReadOnlyList<IssueKey[]> keysByPartition, int ranges)
    {
        if (ranges == 1)
        {
            return [];
        }

        var total = keysByPartition.Sum(k => (long)k.Length);
        var samples = new List<IssueKey>(ranges * SamplesPerRange);
        foreach (var keys in keysByPartition)
        {
            var take = (int)Math.Ceiling((double)keys.Length * ranges * SamplesPerRange / total);
            for (var i = 0; i < take; i++)
            {
                samples.Add(keys[(int)((long)i * keys.Length / take)]);
            }
        }

        samples.Sort();
        return Enumerable.Range(1, ranges - 1).Select(j => samples[(int)((long)j * samples.Count / ranges)]).Distinct().ToArray();
    }

    private static int LowerBound(IssueKey[] keys, IssueKey key)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (keys[middle].CompareTo(key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
