namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// A slice of multi-label rows: per row and class, whether the class is given, and the
/// predicted probability that it applies (row-major, <c>Count * ClassCount</c> values each;
/// a row's probabilities need not sum to one). Positions identify rows across the whole input.
/// </summary>
internal readonly ref struct MultiLabelBatch
{
    /// <summary>Creates a batch over caller-owned buffers; nothing is copied.</summary>
    public MultiLabelBatch(ReadOnlySpan<bool> given, ReadOnlySpan<double> probabilities, int classCount, long firstPosition)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(firstPosition);
        if (given.Length != probabilities.Length || given.Length % classCount != 0)
        {
            throw new ArgumentException(
                $"Expected as many memberships as probabilities, a multiple of {classCount}; got {given.Length} and {probabilities.Length}.",
                nameof(probabilities));
        }

        Given = given;
        Probabilities = probabilities;
        ClassCount = classCount;
        FirstPosition = firstPosition;
    }

    /// <summary>Row-major: true when the class is among the row's given labels.</summary>
    public ReadOnlySpan<bool> Given { get; }

    /// <summary>Row-major predicted probabilities, one per class.</summary>
    public ReadOnlySpan<double> Probabilities { get; }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>Position of the first row in the whole input.</summary>
    public long FirstPosition { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Given.Length / ClassCount;

    /// <summary>The probabilities of one row.</summary>
    public ReadOnlySpan<double> Row(int index) => Probabilities.Slice(index * ClassCount, ClassCount);

    /// <summary>The memberships of one row.</summary>
    public ReadOnlySpan<bool> GivenRow(int index) => Given.Slice(index * ClassCount, ClassCount);

    /// <summary>Rows <paramref name="start"/> .. <paramref name="start"/> + <paramref name="length"/> as a batch of their own.</summary>
    public MultiLabelBatch Slice(int start, int length) =>
        new(Given.Slice(start * ClassCount, length * ClassCount), Probabilities.Slice(start * ClassCount, length * ClassCount), ClassCount, FirstPosition + start);
}
