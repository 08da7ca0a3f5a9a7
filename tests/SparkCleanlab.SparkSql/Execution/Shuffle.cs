namespace SparkCleanlab.SparkSql;

/// <summary>
/// The exchanges between stages: hash partitioning by key values into the shuffle partitions
/// (with a seeded salt, and rows of a partition in a seeded order, since Spark promises no
/// order after a shuffle), and contiguous range partitioning of sorted rows that never splits
/// equal keys, as a range partitioner's bounds do.
/// </summary>
internal sealed class Shuffle(SparkSettings settings, Random random)
{
    public List<List<object?[]>> ByHash(IEnumerable<object?[]> rows, Func<object?[], object?[]> key)
    {
        var salt = random.Next();
        var partitions = Enumerable.Range(0, settings.ShufflePartitions).Select(_ => new List<object?[]>()).ToList();
        foreach (var row in rows)
        {
            var hash = HashCode.Combine(ValueKeyComparer.Instance.GetHashCode(key(row)), salt);
            partitions[(int)((uint)hash % (uint)settings.ShufflePartitions)].Add(row);
        }

        foreach (var partition in partitions)
        {
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(partition));
        }

        return partitions;
    }

    public List<List<object?[]>> ByRange(IReadOnlyList<object?[]> sorted, Func<int, int, bool> sameKey)
    {
        var partitions = new List<List<object?[]>>();
        var cuts = Enumerable.Range(0, settings.ShufflePartitions - 1).Select(_ => random.Next(sorted.Count + 1)).Order().ToList();
        var start = 0;
        foreach (var cut in cuts.Append(sorted.Count))
        {
            var end = Math.Max(cut, start);
            while (end > 0 && end < sorted.Count && sameKey(end - 1, end))
            {
                end++;
            }

            partitions.Add(sorted.Skip(start).Take(end - start).ToList());
            start = end;
        }

        return partitions;
    }
}
