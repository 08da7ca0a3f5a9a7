using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Local.MultiLabel;

/// <summary>
/// The valid rows of a multi-label batch as the math sees them; positions count valid rows only,
/// as in <see cref="Execution.ValidRows"/>. A clean batch is used in place; a batch with invalid
/// rows is compacted.
/// </summary>
internal sealed class ValidMultiLabelRows
{
    private readonly InputBatch _batch;
    private readonly bool[]? _given;
    private readonly double[]? _probabilities;
    private readonly int[]? _batchRows;

    /// <summary>Selects the valid rows of <paramref name="batch"/>; <paramref name="invalid"/> is in row order.</summary>
    public ValidMultiLabelRows(InputBatch batch, IReadOnlyList<InvalidRow> invalid, long firstPosition)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(invalid);
        _batch = batch;
        FirstPosition = firstPosition;
        Count = batch.Count - invalid.Count;
        if (invalid.Count == 0)
        {
            return;
        }

        var k = batch.ClassCount;
        _given = new bool[Count * k];
        _probabilities = new double[Count * k];
        _batchRows = new int[Count];
        ValidRowIndex.Fill(invalid, _batchRows);
        for (var kept = 0; kept < Count; kept++)
        {
            var row = _batchRows[kept];
            batch.Memberships.Slice(row * k, k).CopyTo(_given.AsSpan(kept * k, k));
            batch.ProbabilitiesOf(row).CopyTo(_probabilities.AsSpan(kept * k, k));
        }
    }

    /// <summary>Number of valid rows.</summary>
    public int Count { get; }

    /// <summary>Position of the first valid row among all valid rows of the input.</summary>
    public long FirstPosition { get; }

    /// <summary>The rows as a batch for the stages.</summary>
    public MultiLabelBatch AsBatch() => _given is null
        ? new MultiLabelBatch(_batch.Memberships, _batch.Probabilities, _batch.ClassCount, FirstPosition)
        : new MultiLabelBatch(_given, _probabilities, _batch.ClassCount, FirstPosition);

    /// <summary>The batch row of valid row <paramref name="index"/>.</summary>
    public int BatchRow(int index) => _batchRows is null ? index : _batchRows[index];
}
