using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.InMemory;

/// <summary>Adds the rows of one batch to a state.</summary>
internal delegate void BatchAction<in TState>(TState state, RowBatch batch);

/// <summary>
/// Rows held in memory, cut into partitions that worker threads map to states; the states
/// then merge in partition order. This is the embedded engine's plan on arrays.
/// </summary>
internal sealed class PartitionedRows
{
    private readonly int[] _labels;
    private readonly double[] _probabilities;
    private readonly IReadOnlyList<(int Start, int Length)> _partitions;
    private readonly int _parallelism;

    /// <summary>Wraps the arrays; nothing is copied.</summary>
    public PartitionedRows(int[] labels, double[] probabilities, int classCount, InMemoryExecution execution)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(execution);
        if ((long)labels.Length * classCount != probabilities.Length)
        {
            throw new ArgumentException($"Expected {labels.Length} x {classCount} probabilities, got {probabilities.Length}.", nameof(probabilities));
        }

        _labels = labels;
        _probabilities = probabilities;
        ClassCount = classCount;
        _partitions = execution.Split(labels.Length);
        _parallelism = Math.Max(1, execution.MaxDegreeOfParallelism);
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _labels.Length;

    /// <summary>The rows of one partition.</summary>
    public RowBatch Partition(int index)
    {
        var (start, length) = _partitions[index];
        return new RowBatch(_labels.AsSpan(start, length), _probabilities.AsSpan(start * ClassCount, length * ClassCount), ClassCount, start);
    }

    /// <summary>Number of partitions.</summary>
    public int PartitionCount => _partitions.Count;

    /// <summary>
    /// Maps every partition into a state per worker thread, then merges the workers' states.
    /// Which partitions share a worker depends on timing; the result does not, because every
    /// state is exact and its merge is associative and commutative.
    /// </summary>
    public TState Aggregate<TState>(Func<TState> create, BatchAction<TState> add, Action<TState, TState> merge) =>
        PartitionRunner.Aggregate(_partitions.Count, _parallelism, create, (state, p) => add(state, Partition(p)), merge);

    /// <summary>Runs <paramref name="body"/> once per partition on up to the configured number of threads.</summary>
    public void ForEachPartition(Action<int> body) => PartitionRunner.ForEach(_partitions.Count, _parallelism, body);
}
