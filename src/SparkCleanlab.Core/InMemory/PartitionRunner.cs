namespace SparkCleanlab.Core.InMemory;

/// <summary>
/// Runs work over numbered partitions on up to a given number of workers: the loop behind every
/// pass of both in-memory row sets and the embedded engine's partitioned input.
/// </summary>
internal static class PartitionRunner
{
    /// <summary>
    /// Maps every partition into a state per worker, then merges the workers' states.
    /// Which partitions share a worker depends on timing; the result does not, because every
    /// state is exact and its merge is associative and commutative.
    /// </summary>
    public static TState Aggregate<TState>(int partitions, int parallelism, Func<TState> create, Action<TState, int> add, Action<TState, TState> merge)
    {
        var result = create();
        if (parallelism == 1)
        {
            for (var p = 0; p < partitions; p++)
            {
                add(result, p);
            }

            return result;
        }

        var states = RunWorkersAsync(partitions, parallelism, create, (state, p, _) =>
        {
            add(state, p);
            return Task.CompletedTask;
        }, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var state in states)
        {
            merge(result, state);
        }

        return result;
    }

    /// <summary>Runs <paramref name="body"/> once per partition on up to <paramref name="parallelism"/> threads.</summary>
    public static void ForEach(int partitions, int parallelism, Action<int> body) =>
        Aggregate<object?>(partitions, parallelism, () => null, (_, p) => body(p), (_, _) => { });

    /// <summary>
    /// Starts up to <paramref name="workers"/> workers, each with its own state from <paramref name="create"/>,
    /// that take the next partition until none is left; returns the workers' states. One failure cancels the
    /// token the others see, since the pass is lost anyway.
    /// </summary>
    public static async Task<IReadOnlyList<TState>> RunWorkersAsync<TState>(int partitions, int workers, Func<TState> create, Func<TState, int, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var next = -1;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task<TState> Worker()
        {
            var state = create();
            int index;
            while ((index = Interlocked.Increment(ref next)) < partitions)
            {
                failed.Token.ThrowIfCancellationRequested();
                await body(state, index, failed.Token);
            }

            return state;
        }

        return await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, Math.Max(1, partitions))).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await Worker();
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        })));
    }
}
