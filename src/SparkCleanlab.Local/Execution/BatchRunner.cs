using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Local.Execution;

/// <summary>
/// Runs one pass: every partition is read, handed to a function and disposed, on up to
/// <see cref="Workers"/> workers of the Core's <see cref="PartitionRunner"/>. Each worker holds one
/// batch at a time, so a pass never has more than <see cref="Workers"/> batches alive: memory is bounded by batch
/// size, not data size. The slices of one row group go to one worker, in order, so the row group is decoded once.
/// Mapped results come back in partition order; aggregated states merge per worker, which is
/// deterministic because every state is exact.
/// </summary>
internal sealed class BatchRunner
{
    private readonly (int First, int Count)[] _rowGroups;
    private int _liveBatches;
    private int _peakLiveBatches;

    /// <summary>A runner over <paramref name="partitions"/> with <paramref name="threads"/> workers.</summary>
    public BatchRunner(IReadOnlyList<Partition> partitions, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Partitions = partitions;
        Threads = threads;
        _rowGroups = RowGroups(partitions);
    }

    /// <summary>The partitions, in position order.</summary>
    public IReadOnlyList<Partition> Partitions { get; }

    /// <summary>Worker count.</summary>
    public int Threads { get; }

    /// <summary>
    /// Workers a pass runs: <see cref="Threads"/>, but never more than the machine's cores. A pass is bound by the
    /// CPU (decoding, the math, encoding), so a worker beyond the cores only adds a batch in flight, and memory
    /// would grow with <c>--threads</c> for no speed.
    /// </summary>
    public int Workers => Math.Min(Threads, Environment.ProcessorCount);

    /// <summary>The most batches that were alive at once, over every pass so far.</summary>
    public int PeakLiveBatches => Volatile.Read(ref _peakLiveBatches);

    /// <summary>Called after each partition with its row count, from worker threads.</summary>
    public Action<long>? PartitionDone { get; init; }

    /// <summary>The memory every batch in flight reserves from before it is read; null reads with no limit but the thread count.</summary>
    public MemoryBudget? Budget { get; init; }

    /// <summary>
    /// How much of the budget a batch reserves, as a multiple of its decoded bytes: a pass also gathers the rows it
    /// writes, the writer encodes and compresses them, and the reader held the columns it decoded; measured on
    /// .npy and Parquet input, a batch in flight costs about four times its decoded bytes.
    /// </summary>
    public const int WorkingCopies = 4;

    /// <summary>Maps every partition, read as <paramref name="content"/> says; the results are indexed by partition.</summary>
    public async Task<T[]> MapAsync<T>(BatchContent content, Func<Partition, InputBatch, Task<T>> map, CancellationToken cancellationToken)
    {
        var results = new T[Partitions.Count];
        await RunWorkersAsync<object?>(content, () => null, (_, _) => false, async (_, index, partition, batch) => results[index] = await map(partition, batch), cancellationToken);
        return results;
    }

    /// <summary>Maps every partition synchronously.</summary>
    public Task<T[]> MapAsync<T>(BatchContent content, Func<Partition, InputBatch, T> map, CancellationToken cancellationToken) =>
        MapAsync(content, (p, b) => Task.FromResult(map(p, b)), cancellationToken);

    /// <summary>
    /// Folds every partition into one state per worker, then merges the workers' states: memory
    /// holds one state per worker, not one per partition. Which partitions share a worker depends
    /// on timing; the result does not, since the states are exact and merge in any order. A
    /// partition that <paramref name="addFromMemory"/> takes (returns true for) is not read; the others are read
    /// as <see cref="BatchContent.LabelsAndProbabilities"/>, all a fold needs.
    /// </summary>
    public async Task<TState> AggregateAsync<TState>(
        Func<TState> create,
        Action<TState, Partition, InputBatch> add,
        Func<TState, Partition, bool> addFromMemory,
        Action<TState, TState> merge,
        CancellationToken cancellationToken)
    {
        var states = await RunWorkersAsync(
            BatchContent.LabelsAndProbabilities,
            create,
            addFromMemory,
            (state, _, partition, batch) =>
            {
                add(state, partition, batch);
                return Task.CompletedTask;
            },
            cancellationToken);
        var result = create();
        foreach (var state in states)
        {
            merge(result, state);
        }

        return result;
    }

    /// <summary>
    /// Hands every partition to <paramref name="add"/>, which adds it into state shared by all workers (and guards
    /// it itself), so memory holds one state whatever the thread count. A partition that
    /// <paramref name="addFromMemory"/> takes (returns true for) is not read; the others are read as
    /// <see cref="BatchContent.LabelsAndProbabilities"/>.
    /// </summary>
    public Task ForEachAsync(Action<Partition, InputBatch> add, Func<Partition, bool> addFromMemory, CancellationToken cancellationToken) =>
        RunWorkersAsync<object?>(
            BatchContent.LabelsAndProbabilities,
            () => null,
            (_, partition) => addFromMemory(partition),
            (_, _, partition, batch) =>
            {
                add(partition, batch);
                return Task.CompletedTask;
            },
            cancellationToken);

    // Each worker holds one batch at a time and its own state, and reads a row group's slices in order.
    private Task<IReadOnlyList<TState>> RunWorkersAsync<TState>(BatchContent content, Func<TState> create, Func<TState, Partition, bool> fromMemory, Func<TState, int, Partition, InputBatch, Task> add, CancellationToken cancellationToken) =>
        PartitionRunner.RunWorkersAsync(_rowGroups.Length, Workers, create, async (state, rowGroup, token) =>
        {
            var (first, count) = _rowGroups[rowGroup];
            PartitionReader? reader = null;
            try
            {
                for (var index = first; index < first + count; index++)
                {
                    // A run of slices is one piece of work for the runner, which checks only between pieces.
                    token.ThrowIfCancellationRequested();
                    var partition = Partitions[index];
                    if (!fromMemory(state, partition))
                    {
                        reader ??= partition.Dataset.OpenReader(content);
                        using var lease = Budget is null ? default : await Budget.ReserveAsync(partition.Source.DecodedBytes * WorkingCopies, token);
                        using var batch = await reader.ReadAsync(partition.Source, token);
                        Track(Interlocked.Increment(ref _liveBatches));
                        try
                        {
                            await add(state, index, partition, batch);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _liveBatches);
                        }
                    }

                    PartitionDone?.Invoke(partition.RowCount);
                }
            }
            finally
            {
                reader?.Dispose();
            }
        }, cancellationToken);

    // Runs of consecutive partitions that are slices of one row group: a later slice follows its row group's first.
    private static (int First, int Count)[] RowGroups(IReadOnlyList<Partition> partitions)
    {
        var runs = new List<(int First, int Count)>();
        for (var index = 0; index < partitions.Count; index++)
        {
            var source = partitions[index].Source;
            if (source.InRowGroup && source.FirstRow > 0)
            {
                runs[^1] = (runs[^1].First, runs[^1].Count + 1);
            }
            else
            {
                runs.Add((index, 1));
            }
        }

        return [.. runs];
    }

    private void Track(int live)
    {
        int peak;
        while (live > (peak = Volatile.Read(ref _peakLiveBatches)) && Interlocked.CompareExchange(ref _peakLiveBatches, live, peak) != peak)
        {
        }
    }
}
