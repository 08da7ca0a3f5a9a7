namespace SparkCleanlab.ML.Errors;

/// <summary>
/// A class has too few rows to train on: absent from the data altogether, or so small that the
/// trainer failed on a fold. Names the class and its row count and says what to do.
/// </summary>
public sealed class InsufficientClassDataException : InvalidOperationException
{
    /// <summary>Creates the error for class <paramref name="classIndex"/>.</summary>
    /// <param name="classIndex">The class, 0..K-1.</param>
    /// <param name="rowCount">How many rows carry that label (in the whole data, or in the failing fold's training rows).</param>
    /// <param name="detail">What went wrong, in one sentence.</param>
    /// <param name="inner">The trainer's own exception, when it failed.</param>
    public InsufficientClassDataException(int classIndex, int rowCount, string detail, Exception? inner = null)
        : base(
            $"Class {classIndex} has too few rows ({rowCount}): {detail} " +
            "Add labelled rows for this class, merge it into a related class or drop its rows, use fewer folds, " +
            "or choose a trainer that copes with small classes (lbfgs).",
            inner)
    {
        ClassIndex = classIndex;
        RowCount = rowCount;
    }

    /// <summary>The class with too few rows.</summary>
    public int ClassIndex { get; }

    /// <summary>How many rows it had.</summary>
    public int RowCount { get; }
}
