namespace SparkCleanlab.Core.Rows;

/// <summary>
/// A slice of rows as every stage reads them: the given labels, the predicted probabilities
/// in row-major order (<c>Count * ClassCount</c> values) and the position of the first row.
/// Positions are consecutive inside a batch and identify a row across the whole input,
/// so the tie rule (lower position first) is the same on every engine and partitioning.
/// </summary>
internal readonly ref struct RowBatch
{
    /// <summary>Creates a batch over caller-owned buffers; nothing is copied.</summary>
    /// <exception cref="ArgumentException">The probability span does not hold <c>labels.Length * classCount</c> values.</exception>
    public RowBatch(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount, long firstPosition)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstPosition);
        if (probabilities.Length != labels.Length * classCount)
        {
            throw new ArgumentException(
                $"Expected {labels.Length} x {classCount} = {labels.Length * classCount} probabilities, got {probabilities.Length}.",
                nameof(probabilities));
        }

        Labels = labels;
        Probabilities = probabilities;
        ClassCount = classCount;
        FirstPosition = firstPosition;
    }

    /// <summary>Given label of each row, in 0..ClassCount-1.</summary>
    public ReadOnlySpan<int> Labels { get; }

    /// <summary>Predicted probabilities, row-major.</summary>
    public ReadOnlySpan<double> Probabilities { get; }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>Position of the first row in the whole input.</summary>
    public long FirstPosition { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The probabilities of one row.</summary>
    public ReadOnlySpan<double> Row(int index) => Probabilities.Slice(index * ClassCount, ClassCount);

    /// <summary>Rows <paramref name="start"/> .. <paramref name="start"/> + <paramref name="length"/> as a batch of their own.</summary>
    public RowBatch Slice(int start, int length) =>
        new(Labels.Slice(start, length), Probabilities.Slice(start * ClassCount, length * ClassCount), ClassCount, FirstPosition + start);
}
