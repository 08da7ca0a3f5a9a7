namespace SparkCleanlab.Core.InMemory;

/// <summary>
/// Runs work over numbered partitions on up to a given number of threads: the loop behind every
/// in-memory row set, whatever its row type.
/// </summary>
internal static class PartitionRunner
{
    /// <summary>
    /// Maps every partition into a state per worker thread, then merges the workers' states.
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

        var gate = new object();
        Parallel.For(
            0,
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            create,
            (p, _, state) =>
            {
                add(state, p);
                return state;
            },
            state =>
            {
                lock (gate)
                {
                    merge(result, state);
                }
            });
        return result;
    }

    /// <summary>Runs <paramref name="body"/> once per partition on up to <paramref name="parallelism"/> threads.</summary>
    public static void ForEach(int partitions, int parallelism, Action<int> body)
    {
        if (parallelism == 1)
        {
            for (var p = 0; p < partitions; p++)
            {
                body(p);
            }

            return;
        }

        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, body);
    }
}
