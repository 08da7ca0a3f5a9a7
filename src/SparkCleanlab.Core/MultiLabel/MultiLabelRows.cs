using SparkCleanlab.Core.InMemory;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>Adds the rows of one multi-label batch to a state.</summary>
internal delegate void MultiLabelBatchAction<in TState>(TState state, MultiLabelBatch batch);

/// <summary>
/// Multi-label rows held in memory, cut into partitions that worker threads map to states; the
/// states then merge. The multi-label counterpart of <see cref="PartitionedRows"/>.
/// </summary>
internal sealed class MultiLabelRows
{
    private readonly bool[] _given;
    private readonly double[] _probabilities;
    private readonly IReadOnlyList<(int Start, int Length)> _partitions;
    private readonly int _parallelism;

    /// <summary>Wraps the arrays; nothing is copied.</summary>
    public MultiLabelRows(bool[] given, double[] probabilities, int classCount, InMemoryExecution execution)
    {
        if (given.Length != probabilities.Length || given.Length % classCount != 0)
        {
            throw new ArgumentException($"Expected n x {classCount} memberships and probabilities, got {given.Length} and {probabilities.Length}.", nameof(probabilities));
        }

        _given = given;
        _probabilities = probabilities;
        ClassCount = classCount;
        RowCount = given.Length / classCount;
        _partitions = execution.Split(RowCount);
        _parallelism = Math.Max(1, execution.MaxDegreeOfParallelism);
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The rows of one partition.</summary>
    public MultiLabelBatch Partition(int index)
    {
        var (start, length) = _partitions[index];
        var k = ClassCount;
        return new MultiLabelBatch(_given.AsSpan(start * k, length * k), _probabilities.AsSpan(start * k, length * k), k, start);
    }

    /// <summary>Maps every partition into a state and merges the states (see <see cref="PartitionRunner.Aggregate"/>).</summary>
    public TState Aggregate<TState>(Func<TState> create, MultiLabelBatchAction<TState> add, Action<TState, TState> merge) =>
        PartitionRunner.Aggregate(_partitions.Count, _parallelism, create, (state, p) => add(state, Partition(p)), merge);

    /// <summary>Runs <paramref name="body"/> once per partition on up to the configured number of threads.</summary>
    public void ForEachPartition(Action<int> body) => PartitionRunner.ForEach(_partitions.Count, _parallelism, body);
}
