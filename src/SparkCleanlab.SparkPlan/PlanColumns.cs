namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The columns every stage reads, added to the input by the normalising projection: the class
/// index of the given label, the K probabilities as doubles, and the row position. Their names
/// start with two underscores so they cannot clash with the user's columns, and are dropped
/// before anything is written.
/// </summary>
public sealed class PlanColumns
{
    /// <summary>The given label as a class index (INT).</summary>
    public const string Label = "__label";

    /// <summary>The row position <c>fileOrdinal * 2^32 + rowIndex</c> (BIGINT): the tie rule's order.</summary>
    public const string Position = "__pos";

    /// <summary>The validation verdict (INT, an <c>InvalidRowReason</c>; 0 for a valid row).</summary>
    public const string Invalid = "__invalid";

    /// <summary>Columns for K classes.</summary>
    public PlanColumns(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ClassCount = classCount;
    }

    /// <summary>Number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>The probability of class j (DOUBLE).</summary>
    public static string P(int j) => $"__p{j}";

    /// <summary>All probability columns, in class order.</summary>
    public IEnumerable<string> Probabilities => Enumerable.Range(0, ClassCount).Select(P);

    /// <summary>All plan columns.</summary>
    public IEnumerable<string> All => new[] { Label, Position, Invalid }.Concat(Probabilities);
}
