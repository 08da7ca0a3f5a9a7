namespace SparkCleanlab.Core.Validation;

/// <summary>Why a row cannot take part in confident learning.</summary>
public enum InvalidRowReason
{
    /// <summary>The row is valid.</summary>
    None = 0,

    /// <summary>The given label is outside 0..K-1.</summary>
    LabelOutOfRange,

    /// <summary>A probability is NaN.</summary>
    ProbabilityNaN,

    /// <summary>A probability is positive or negative infinity.</summary>
    ProbabilityInfinite,

    /// <summary>A probability is below zero.</summary>
    ProbabilityNegative,

    /// <summary>A probability is above one.</summary>
    ProbabilityAboveOne,

    /// <summary>The probabilities of the row do not sum to one within the tolerance.</summary>
    RowSumNotOne,
}
