using System.Globalization;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// Stage 1 on Spark: <c>groupBy(__label)</c> with a row count and the exact fixed-point sum of
/// the self-confidence, read back into the Core's <see cref="ClassStatistics"/>.
/// </summary>
public sealed class ClassStatisticsStage(RowExpressions rows)
{
    /// <summary>The column telling valid rows from invalid ones, so one pass also counts the invalid.</summary>
    public const string Valid = "__valid";

    /// <summary>The expression of <see cref="Valid"/>.</summary>
    public static string ValidExpression => $"{PlanColumns.Invalid} = 0";

    /// <summary>The grouping columns.</summary>
    public IReadOnlyList<string> GroupBy => [Valid, PlanColumns.Label];

    /// <summary>
    /// The aggregations: <c>n</c> (BIGINT) and <c>units</c>, the DECIMAL(38,0) sum as a string
    /// (exact past 2^63), summed over valid rows only so that no cast sees a NaN.
    /// </summary>
    public IReadOnlyList<string> Aggregations =>
    [
        "count(1) AS n",
        $"CAST(sum(IF({Valid}, {rows.SelfConfidenceUnits}, NULL)) AS STRING) AS units",
    ];

    /// <summary>The state from Spark's result rows: (label, n, units), in any order; classes never given are absent.</summary>
    public ClassStatistics FromRows(IEnumerable<(int Label, long Count, string Units)> result)
    {
        var k = rows.Columns.ClassCount;
        var counts = new long[k];
        var units = new Int128[k];
        foreach (var (label, count, sum) in result)
        {
            if ((uint)label >= (uint)k)
            {
                throw new InvalidOperationException($"Stage 1 returned label {label} outside 0..{k - 1}: invalid rows must be filtered first.");
            }

            counts[label] = count;
            units[label] = Int128.Parse(sum, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        return ClassStatistics.FromAggregates(counts, units);
    }
}
