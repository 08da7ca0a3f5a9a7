using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Local.Execution;

/// <summary>
/// The valid rows of a batch as the math sees them. Positions count valid rows only, so the
/// tie rule (lower position first) orders rows exactly as the in-memory reference does on the
/// same rows without the quarantined ones. A clean batch is used in place; only a batch with
/// invalid rows is compacted, into pooled buffers.
/// </summary>
internal sealed class ValidRows : IDisposable
{
    private readonly InputBatch _batch;
    private int[]? _labels;
    private double[]? _probabilities;
    private int[]? _batchRows;

    /// <summary>Selects the valid rows of <paramref name="batch"/>; <paramref name="invalid"/> is in row order.</summary>
    public ValidRows(InputBatch batch, IReadOnlyList<InvalidRow> invalid, long firstPosition)
    {
        _batch = batch;
        FirstPosition = firstPosition;
        Count = batch.Count - invalid.Count;
        if (invalid.Count == 0)
        {
            return;
        }

        var k = batch.ClassCount;
        _labels = BatchBuffers<int>.Shared.Rent(Count);
        _probabilities = BatchBuffers<double>.Shared.Rent(Count * k);
        _batchRows = BatchBuffers<int>.Shared.Rent(Count);
        ValidRowIndex.Fill(invalid, _batchRows.AsSpan(0, Count));
        for (var kept = 0; kept < Count; kept++)
        {
            var row = _batchRows[kept];
            _labels[kept] = batch.Labels[row];
            batch.ProbabilitiesOf(row).CopyTo(_probabilities.AsSpan(kept * k, k));
        }
    }

    /// <summary>Number of valid rows.</summary>
    public int Count { get; }

    /// <summary>Position of the first valid row among all valid rows of the input.</summary>
    public long FirstPosition { get; }

    /// <summary>The rows as a batch for the stages.</summary>
    public RowBatch AsBatch() => _labels is null
        ? new RowBatch(_batch.Labels, _batch.Probabilities, _batch.ClassCount, FirstPosition)
        : new RowBatch(_labels.AsSpan(0, Count), _probabilities.AsSpan(0, Count * _batch.ClassCount), _batch.ClassCount, FirstPosition);

    /// <summary>The batch row of valid row <paramref name="index"/>.</summary>
    public int BatchRow(int index) => _batchRows is null ? index : _batchRows[index];

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (_labels is null)
        {
            return;
        }

        BatchBuffers<int>.Shared.Return(_labels);
        BatchBuffers<double>.Shared.Return(_probabilities!);
        BatchBuffers<int>.Shared.Return(_batchRows!);
        _labels = null;
        _probabilities = null;
        _batchRows = null;
    }
}
