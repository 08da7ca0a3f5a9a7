using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// Stage 2 on Spark: the confident guess of every row with the thresholds as literals, then
/// <c>groupBy(__label, __guess)</c> counting rows and off-diagonal issues, read back into the
/// Core's <see cref="ConfidentJointCounter"/>.
/// </summary>
public sealed class ConfidentJointStage(RowExpressions rows, ClassThresholds thresholds)
{
    /// <summary>The column holding the guess.</summary>
    public const string Guess = "__guess";

    /// <summary>The guess of a row; -1 when no class is confident.</summary>
    public string GuessExpression => rows.ConfidentGuess(thresholds);

    /// <summary>Rows with a guess are counted; the others are not in the joint.</summary>
    public string Filter => $"{Guess} >= 0";

    /// <summary>The grouping columns.</summary>
    public IReadOnlyList<string> GroupBy => [PlanColumns.Label, Guess];

    /// <summary>The aggregations: <c>n</c>, and <c>issues</c>, the off-diagonal rows the given label does not win with slack.</summary>
    public IReadOnlyList<string> Aggregations =>
    [
        "count(1) AS n",
        $"sum(IF({Guess} <> {PlanColumns.Label} AND NOT {rows.GivenWinsWithSlack}, 1L, 0L)) AS issues",
    ];

    /// <summary>The state from Spark's result rows: (given, guess, n, issues), in any order; empty cells are absent.</summary>
    public ConfidentJointCounter FromRows(IEnumerable<(int Given, int Guess, long Count, long Issues)> result)
    {
        var k = rows.Columns.ClassCount;
        var counts = new long[k * k];
        long issues = 0;
        foreach (var (given, guess, count, cellIssues) in result)
        {
            if ((uint)given >= (uint)k || (uint)guess >= (uint)k)
            {
                throw new InvalidOperationException($"Stage 2 returned cell ({given}, {guess}) outside the {k} x {k} joint.");
            }

            counts[(given * k) + guess] = count;
            issues += cellIssues;
        }

        return ConfidentJointCounter.FromAggregates(thresholds, counts, issues);
    }
}
