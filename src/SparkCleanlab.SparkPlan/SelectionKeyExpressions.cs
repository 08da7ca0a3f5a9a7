using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// <see cref="SelectionKeys.Of"/> as Spark SQL: the key each selection group orders by, with
/// signed zeros normalised by adding +0.0 exactly as the Core does.
/// </summary>
public static class SelectionKeyExpressions
{
    /// <summary>The key of a row labeled <paramref name="givenClass"/> (-1: any label) in a group of this kind.</summary>
    public static string Of(RowExpressions rows, SelectionKeyKind kind, int givenClass, int otherClass)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var key = kind switch
        {
            SelectionKeyKind.Margin => $"({PlanColumns.P(givenClass)} - {PlanColumns.P(otherClass)})",
            SelectionKeyKind.NormalizedMargin => rows.NormalizedMargin,
            SelectionKeyKind.ClassProbability when givenClass >= 0 => PlanColumns.P(givenClass),
            _ => rows.SelfConfidence,
        };
        return $"({key} + {SqlLiteral.Double(0.0)})";
    }

    /// <summary>
    /// <see cref="SelectionCutoff.Selects"/>: key below the cutoff key, or equal to it at a
    /// position no later than the cutoff position.
    /// </summary>
    public static string Selects(string key, SelectionCutoff cutoff) =>
        $"(({key} < {SqlLiteral.Double(cutoff.Key)}) OR ({key} = {SqlLiteral.Double(cutoff.Key)} AND {PlanColumns.Position} <= {SqlLiteral.Long(cutoff.Position)}))";
}
