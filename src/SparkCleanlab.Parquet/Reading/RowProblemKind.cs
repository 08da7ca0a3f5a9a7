namespace SparkCleanlab.Parquet.Reading;

/// <summary>Why a single row cannot be scored; the caller decides whether that fails the run or quarantines the row.</summary>
internal enum RowProblemKind
{
    /// <summary>The label is null.</summary>
    NullLabel,

    /// <summary>A string label is not in the class list.</summary>
    UnknownClassName,

    /// <summary>An integer label is outside 0..K-1.</summary>
    LabelOutOfRange,

    /// <summary>The probability list, or one of its elements or class columns, is null.</summary>
    NullProbability,

    /// <summary>The probability list does not have K elements.</summary>
    WrongProbabilityCount,

    /// <summary>A multi-label membership column holds a value other than 0 or 1.</summary>
    NotAMembership,
}
