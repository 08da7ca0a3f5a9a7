namespace SparkCleanlab.Core.InMemory;

/// <summary>
/// How the in-memory runner splits rows into partitions and how many it processes at once.
/// Results never depend on it: every state is exact and mergeable.
/// </summary>
public sealed record InMemoryExecution
{
    /// <summary>Rows per partition when sizes are not given.</summary>
    public int RowsPerPartition { get; init; } = 1 << 16;

    /// <summary>Explicit partition sizes (they must add up to the row count), or null for equal slices.</summary>
    public IReadOnlyList<int>? PartitionSizes { get; init; }

    /// <summary>Partitions processed at once; 1 is single-threaded.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>All cores.</summary>
    public static InMemoryExecution Parallel { get; } = new();

    /// <summary>One thread.</summary>
    public static InMemoryExecution SingleThreaded { get; } = new() { MaxDegreeOfParallelism = 1 };

    /// <summary>The start of each partition and its length.</summary>
    public IReadOnlyList<(int Start, int Length)> Split(int rowCount)
    {
        var parts = new List<(int, int)>();
        if (PartitionSizes is { } sizes)
        {
            var start = 0;
            foreach (var size in sizes)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(size);
                parts.Add((start, size));
                start += size;
            }

            if (start != rowCount)
            {
                throw new ArgumentException($"Partition sizes add up to {start}, but there are {rowCount} rows.");
            }

            return parts;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RowsPerPartition, 1);
        for (var start = 0; start < rowCount; start += RowsPerPartition)
        {
            parts.Add((start, Math.Min(RowsPerPartition, rowCount - start)));
        }

        return parts;
    }
}
