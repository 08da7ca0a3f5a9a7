using System.Globalization;

namespace SparkCleanlab.Core.Validation;

/// <summary>Input the math cannot accept, with the row and column that were wrong.</summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception; <paramref name="row"/> and <paramref name="column"/> are -1 when unknown.</summary>
    public InvalidInputException(string message, long row, int column, InvalidRowReason reason = InvalidRowReason.None)
        : base(message)
    {
        Row = row;
        Column = column;
        Reason = reason;
    }

    /// <summary>Position of the offending row, or -1.</summary>
    public long Row { get; }

    /// <summary>Class index of the offending probability, or -1 for the label or the whole row.</summary>
    public int Column { get; }

    /// <summary>What was wrong with the row.</summary>
    public InvalidRowReason Reason { get; }

    /// <summary>Builds the message for one invalid row.</summary>
    internal static InvalidInputException ForRow(InvalidRowReason reason, long row, int column, int label, ReadOnlySpan<double> probabilities, int classCount, double tolerance)
    {
        var what = Describe(reason, column, label, probabilities, classCount, tolerance);
        return new InvalidInputException($"Row {row}: {what}", row, column, reason);
    }

    /// <summary>A sentence saying what is wrong with a row, for error messages and the quarantine column.</summary>
    internal static string Describe(InvalidRowReason reason, int column, int label, ReadOnlySpan<double> probabilities, int classCount, double tolerance)
    {
        var inv = CultureInfo.InvariantCulture;
        return reason switch
        {
            InvalidRowReason.LabelOutOfRange => string.Format(inv, "label {0} is outside 0..{1}.", label, classCount - 1),
            InvalidRowReason.ProbabilityNaN => string.Format(inv, "probability of class {0} is NaN.", column),
            InvalidRowReason.ProbabilityInfinite => string.Format(inv, "probability of class {0} is infinite.", column),
            InvalidRowReason.ProbabilityNegative => string.Format(inv, "probability of class {0} is negative ({1:R}).", column, probabilities[column]),
            InvalidRowReason.ProbabilityAboveOne => string.Format(inv, "probability of class {0} is above 1 ({1:R}).", column, probabilities[column]),
            InvalidRowReason.RowSumNotOne => string.Format(inv, "probabilities sum to {0:R}, not 1 (tolerance {1:R}).", Sum(probabilities), tolerance),
            _ => "row is valid.",
        };
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
