using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.Validation;

/// <summary>
/// Checks rows before they reach any statistic. The reference trusts its caller; a data-lake
/// job cannot, so every row is checked: label in range, probabilities finite, in [0, 1], and
/// summing to one within <see cref="SumTolerance"/>.
/// </summary>
internal sealed class RowValidator
{
    private readonly double _ceiling;

    /// <summary>Default tolerance on the row sum: float32 softmax outputs stay well inside it.</summary>
    public const double DefaultSumTolerance = 1e-4;

    /// <summary>Creates a validator for K classes.</summary>
    public RowValidator(int classCount, double sumTolerance = DefaultSumTolerance)
    {
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "Confident learning needs at least 2 classes.");
        }

        if (!(sumTolerance >= 0 && sumTolerance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sumTolerance), sumTolerance, "The row-sum tolerance must be in [0, 1).");
        }

        ClassCount = classCount;
        SumTolerance = sumTolerance;
        _ceiling = 1 + sumTolerance;
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>Largest accepted distance of a row sum from one.</summary>
    public double SumTolerance { get; }

    /// <summary>Checks one row; <paramref name="column"/> is the offending class index, or -1 for the label or the row as a whole.</summary>
    public InvalidRowReason Check(int label, ReadOnlySpan<double> row, out int column)
    {
        column = -1;
        if (IsPlainlyValid(label, row))
        {
            return InvalidRowReason.None;
        }

        if ((uint)label >= (uint)ClassCount)
        {
            return InvalidRowReason.LabelOutOfRange;
        }

        for (var j = 0; j < row.Length; j++)
        {
            var p = row[j];
            column = j;
            if (double.IsNaN(p))
            {
                return InvalidRowReason.ProbabilityNaN;
            }

            if (double.IsInfinity(p))
            {
                return InvalidRowReason.ProbabilityInfinite;
            }

            if (p < 0)
            {
                return InvalidRowReason.ProbabilityNegative;
            }

            if (p > _ceiling)
            {
                return InvalidRowReason.ProbabilityAboveOne;
            }
        }

        column = -1;
        return SumsToOne(row) ? InvalidRowReason.None : InvalidRowReason.RowSumNotOne;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> for the first invalid row of the batch.</summary>
    public void ThrowIfInvalid(RowBatch batch)
    {
        if (batch.ClassCount != ClassCount)
        {
            throw new InvalidInputException($"Expected {ClassCount} probabilities per row, got {batch.ClassCount}.", batch.FirstPosition, -1);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch.Row(i);
            var reason = Check(batch.Labels[i], row, out var column);
            if (reason != InvalidRowReason.None)
            {
                throw InvalidInputException.ForRow(reason, batch.FirstPosition + i, column, batch.Labels[i], row, ClassCount, SumTolerance);
            }
        }
    }

    // The common case in one go: every probability in [0, 1 + tolerance], checked four classes
    // per instruction (NaN fails ">= 0", infinities fall outside), then the row sum. It accepts
    // exactly the rows the value-by-value checks accept; those then name the reason for the rest.
    private bool IsPlainlyValid(int label, ReadOnlySpan<double> row)
    {
        if ((uint)label >= (uint)ClassCount || row.Length > RowMask.MaxClasses
            || (RowMask.GreaterOrEqual(row, 0) & ~RowMask.GreaterThan(row, _ceiling)) != RowMask.All(row.Length))
        {
            return false;
        }

        return SumsToOne(row);
    }

    // Summed left to right from 0.0, as the Spark engine's validation expression does, so every
    // engine accepts the same rows.
    private bool SumsToOne(ReadOnlySpan<double> row)
    {
        var sum = 0.0;
        foreach (var p in row)
        {
            sum += p;
        }

        return Math.Abs(sum - 1.0) <= SumTolerance;
    }
}
