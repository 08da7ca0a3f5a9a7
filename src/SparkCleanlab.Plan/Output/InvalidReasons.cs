using System.Globalization;

namespace SparkCleanlab.Plan.Output;

/// <summary>
/// The <c>invalid_reason</c> texts, one per way a row can fail, identical on every engine: they
/// hold column names, class indices, K, the label as given and the tolerance, never a
/// probability's value, whose decimal spelling differs between .NET and the JVM.
/// </summary>
internal static class InvalidReasons
{
    /// <summary>The label is null.</summary>
    public static string NullLabel(string column) => $"null label in '{column}'";

    /// <summary>A string label is not a class name.</summary>
    public static string UnknownClass(string column, string label) => $"label '{label}' in '{column}' is not one of the classes";

    /// <summary>An integer label is outside 0..K-1.</summary>
    public static string LabelOutOfRange(string column, string label, int classCount) =>
        $"label {label} in '{column}' is outside 0..{(classCount - 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A multi-label membership column holds a value other than 0 or 1.</summary>
    public static string NotAMembership(string column, string value) => $"label {value} in '{column}' is not 0 or 1";

    /// <summary>The probability list, one of its elements or a class column is null.</summary>
    public static string NullProbability(string column) => $"null probability in '{column}'";

    /// <summary>The probability list does not hold K values.</summary>
    public static string WrongProbabilityCount(string column, string count, int classCount) =>
        $"'{column}' has {count} probabilities, expected {classCount.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A probability is NaN.</summary>
    public static string NaN(string column) => $"probability in '{column}' is NaN";

    /// <summary>A probability is infinite.</summary>
    public static string Infinite(string column) => $"probability in '{column}' is infinite";

    /// <summary>A probability is below zero.</summary>
    public static string Negative(string column) => $"probability in '{column}' is negative";

    /// <summary>A probability is above 1 + tolerance.</summary>
    public static string AboveOne(string column, double tolerance) => $"probability in '{column}' is above 1 (tolerance {Number(tolerance)})";

    /// <summary>The row's probabilities do not sum to one within the tolerance.</summary>
    public static string SumNotOne(double tolerance) => $"probabilities do not sum to 1 (tolerance {Number(tolerance)})";

    /// <summary>The name of probability j in error texts: the class column, or <c>list[j]</c> for a list column.</summary>
    public static string ProbabilityColumn(IReadOnlyList<string> probabilityColumns, bool listLayout, int j) =>
        listLayout ? $"{probabilityColumns[0]}[{j.ToString(CultureInfo.InvariantCulture)}]" : probabilityColumns[j];

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
