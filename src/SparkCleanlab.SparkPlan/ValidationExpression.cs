using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// <see cref="RowValidator.Check"/> as one Spark SQL expression giving the
/// <see cref="InvalidRowReason"/> code of a row (0 when valid), checking in the Core's order:
/// the label, then class by class NaN, infinity, below zero, above 1 + tolerance, then the
/// row sum accumulated left to right from 0.0. A missing value (SQL NULL, or a short array)
/// counts as NaN.
/// </summary>
public static class ValidationExpression
{
    /// <summary>The reason code expression for K classes.</summary>
    public static string Of(int classCount, double sumTolerance)
    {
        var checks = new List<string>
        {
            $"WHEN {PlanColumns.Label} IS NULL OR {PlanColumns.Label} < 0 OR {PlanColumns.Label} >= {classCount} THEN {(int)InvalidRowReason.LabelOutOfRange}",
        };
        var above = SqlLiteral.Double(1 + sumTolerance);
        var sum = SqlLiteral.Double(0.0);
        for (var j = 0; j < classCount; j++)
        {
            var p = PlanColumns.P(j);
            checks.Add($"WHEN {p} IS NULL OR isnan({p}) THEN {(int)InvalidRowReason.ProbabilityNaN}");
            checks.Add($"WHEN abs({p}) = CAST('Infinity' AS DOUBLE) THEN {(int)InvalidRowReason.ProbabilityInfinite}");
            checks.Add($"WHEN {p} < {SqlLiteral.Double(0)} THEN {(int)InvalidRowReason.ProbabilityNegative}");
            checks.Add($"WHEN {p} > {above} THEN {(int)InvalidRowReason.ProbabilityAboveOne}");
            sum = $"({sum} + {p})";
        }

        checks.Add($"WHEN abs({sum} - {SqlLiteral.Double(1.0)}) <= {SqlLiteral.Double(sumTolerance)} THEN {(int)InvalidRowReason.None}");
        return $"(CASE {string.Join(" ", checks)} ELSE {(int)InvalidRowReason.RowSumNotOne} END)";
    }
}
