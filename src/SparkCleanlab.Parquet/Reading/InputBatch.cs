using SparkCleanlab.Parquet.Memory;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// The rows of one partition, decoded for the math (labels as class indices, probabilities row-major as doubles)
/// and kept raw for the writers (<see cref="Columns"/>). All buffers are pooled: dispose the batch when done,
/// after which none of its spans or columns may be used.
/// </summary>
internal sealed class InputBatch : IDisposable, IRowProblemSink
{
    private readonly Action _onDispose;
    private int[]? _labels;
    private double[]? _probabilities;
    private bool[]? _invalid;
    private bool[]? _memberships;
    private bool _disposed;
    private List<RowProblem> _problems = [];

    internal InputBatch(InputPartition partition, int count, int classCount, IReadOnlyList<PassThroughColumn> columns, Action onDispose, bool multiLabel = false)
    {
        Partition = partition;
        Count = count;
        ClassCount = classCount;
        Columns = columns;
        _onDispose = onDispose;
        _labels = BatchBuffers<int>.Shared.Rent(count);
        _probabilities = BatchBuffers<double>.Shared.Rent(count * classCount);
        _invalid = BatchBuffers<bool>.Shared.Rent(count);
        _probabilities.AsSpan(0, count * classCount).Clear();
        _invalid.AsSpan(0, count).Clear();
        if (multiLabel)
        {
            _memberships = BatchBuffers<bool>.Shared.Rent(count * classCount);
            _memberships.AsSpan(0, count * classCount).Clear();
        }
    }

    /// <summary>The partition these rows come from.</summary>
    public InputPartition Partition { get; }

    /// <summary>The source file.</summary>
    public string File => Partition.File;

    /// <summary>The row group index in <see cref="File"/>.</summary>
    public int RowGroup => Partition.RowGroup;

    /// <summary>Global position of row 0 of this batch.</summary>
    public long FirstPosition => Partition.FirstPosition;

    /// <summary>Rows in this batch.</summary>
    public int Count { get; }

    /// <summary>K, the number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Given labels as class indices; -1 on rows with any problem.</summary>
    public Span<int> Labels => Live(_labels).AsSpan(0, Count);

    /// <summary>Predicted probabilities, row-major, <c>Count * ClassCount</c> values; zeros on rows with any problem.</summary>
    public Span<double> Probabilities => Live(_probabilities).AsSpan(0, Count * ClassCount);

    /// <summary>
    /// Multi-label input only: row-major, <c>Count * ClassCount</c> values, true where the class is
    /// among the row's given classes; all false on rows with any problem.
    /// </summary>
    public Span<bool> Memberships => (_memberships ?? throw new InvalidOperationException("The input is not multi-label.")).AsSpan(0, Count * ClassCount);

    /// <summary>
    /// The source row group's columns (then Hive partition columns), untouched, for writers to copy; empty for a read
    /// of <see cref="BatchContent.LabelsAndProbabilities"/>.
    /// </summary>
    public IReadOnlyList<PassThroughColumn> Columns { get; }

    /// <summary>Per-row structural problems in row order; empty when every row is usable.</summary>
    public IReadOnlyList<RowProblem> Problems => _problems;

    /// <summary>The K probabilities of one row.</summary>
    public ReadOnlySpan<double> ProbabilitiesOf(int row) => Probabilities.Slice(row * ClassCount, ClassCount);

    /// <summary>False when the row has at least one entry in <see cref="Problems"/>.</summary>
    public bool IsValid(int row) => !Live(_invalid)[row];

    /// <inheritdoc/>
    public void Report(int row, string column, RowProblemKind kind, string detail = "")
    {
        _problems.Add(new RowProblem(row, column, kind, detail));
        Live(_invalid)[row] = true;
    }

    /// <summary>
    /// Orders problems by row (stable: label problems stay before probability problems of the same row) and
    /// blanks the decoded values of bad rows, so no half-decoded row can reach the math by accident.
    /// </summary>
    internal void SealProblems()
    {
        _problems = _problems.OrderBy(p => p.Row).ToList();
        foreach (RowProblem problem in _problems)
        {
            Labels[problem.Row] = -1;
            Probabilities.Slice(problem.Row * ClassCount, ClassCount).Clear();
            _memberships?.AsSpan(problem.Row * ClassCount, ClassCount).Clear();
        }
    }

    /// <summary>Returns pooled buffers and the columns' buffers.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        BatchBuffers<int>.Shared.Return(Live(_labels));
        BatchBuffers<double>.Shared.Return(Live(_probabilities));
        BatchBuffers<bool>.Shared.Return(Live(_invalid));
        if (_memberships is not null) BatchBuffers<bool>.Shared.Return(_memberships);
        _memberships = null;
        _labels = null;
        _probabilities = null;
        _invalid = null;
        foreach (PassThroughColumn column in Columns) column.Dispose();
        _onDispose();
    }

    private static T[] Live<T>(T[]? buffer) =>
        buffer ?? throw new ObjectDisposedException(nameof(InputBatch));
}
