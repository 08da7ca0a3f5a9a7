using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Local.Execution;

/// <summary>
/// Runs one pass: every partition is read, handed to a function and disposed, on up to
/// <see cref="Threads"/> workers. Each worker holds one batch at a time, so a pass never has more
/// than <see cref="Threads"/> batches alive: memory is bounded by row-group size, not data size.
/// Results come back in partition order, so merging them is deterministic.
/// </summary>
public sealed class PartitionRunner
{
    private int _liveBatches;
    private int _peakLiveBatches;

    /// <summary>A runner over <paramref name="partitions"/> with <paramref name="threads"/> workers.</summary>
    public PartitionRunner(IReadOnlyList<Partition> partitions, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Partitions = partitions;
        Threads = threads;
    }

    /// <summary>The partitions, in position order.</summary>
    public IReadOnlyList<Partition> Partitions { get; }

    /// <summary>Worker count.</summary>
    public int Threads { get; }

    /// <summary>The most batches that were alive at once, over every pass so far.</summary>
    public int PeakLiveBatches => Volatile.Read(ref _peakLiveBatches);

    /// <summary>Called after each partition with its row count, from worker threads.</summary>
    public Action<long>? PartitionDone { get; init; }

    /// <summary>
    /// Maps every partition; the results are indexed by partition. A partition that
    /// <paramref name="fromMemory"/> answers (a hit) is not read at all.
    /// </summary>
    public async Task<T[]> MapAsync<T>(Func<Partition, InputBatch, Task<T>> map, CancellationToken cancellationToken, Func<Partition, (bool Hit, T Value)>? fromMemory = null)
    {
        var results = new T[Partitions.Count];
        var next = -1;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task Worker()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Partitions.Count)
            {
                failed.Token.ThrowIfCancellationRequested();
                var partition = Partitions[index];
                if (fromMemory?.Invoke(partition) is (true, var value))
                {
                    results[index] = value;
                    PartitionDone?.Invoke(partition.RowCount);
                    continue;
                }

                using (var batch = await partition.Dataset.ReadAsync(partition.Source, failed.Token))
                {
                    Track(Interlocked.Increment(ref _liveBatches));
                    try
                    {
                        results[index] = await map(partition, batch);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _liveBatches);
                    }
                }

                PartitionDone?.Invoke(partition.RowCount);
            }
        }

        var workers = Enumerable.Range(0, Math.Min(Threads, Math.Max(1, Partitions.Count))).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Worker();
            }
            catch
            {
                // One failure stops the other workers: the run is lost anyway.
                await failed.CancelAsync();
                throw;
            }
        })).ToArray();
        await Task.WhenAll(workers);

        return results;
    }

    /// <summary>Maps every partition synchronously.</summary>
    public Task<T[]> MapAsync<T>(Func<Partition, InputBatch, T> map, CancellationToken cancellationToken, Func<Partition, (bool Hit, T Value)>? fromMemory = null) =>
        MapAsync((p, b) => Task.FromResult(map(p, b)), cancellationToken, fromMemory);

    private void Track(int live)
    {
        int peak;
        while (live > (peak = Volatile.Read(ref _peakLiveBatches)) && Interlocked.CompareExchange(ref _peakLiveBatches, live, peak) != peak)
        {
        }
    }
}
