using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.SparkPlan.MultiLabel;

/// <summary>
/// <see cref="MultiLabelScorer"/> as Spark SQL: each class's single-label score on its
/// one-vs-rest row (optionally on probabilities adjusted by the class's binary thresholds, read
/// from the class table's <see cref="ClassTable.Threshold0"/>, <see cref="ClassTable.Threshold1"/>
/// and <see cref="ClassTable.ThresholdMax"/>), then the row's K scores aggregated: the exponential
/// moving average over the scores sorted descending, or their maximum. A list of columns to
/// select in turn, the last one named as asked.
/// </summary>
internal static class MultiLabelScoreExpressions
{
    private const double ClippingLowerBound = 1e-6;

    /// <summary>The projections, in order, that end with <paramref name="name"/>; intermediate columns start with it.</summary>
    public static IReadOnlyList<(string Name, string Expression)> Steps(string name, int classCount, RankingMethod method, ScoreAggregator aggregator, bool adjusted)
    {
        var steps = new List<(string, string)>();
        var p = Columns.P;
        var given = $"{MultiLabelSparkInput.Member}[j]";
        string q1Array;
        string q0;
        if (adjusted)
        {
            var (a0, a1) = (name + "_a0", name + "_a1");
            steps.Add((a0, $"transform({p}, (x, j) -> (({OneVsRestExpressions.Complement("x")} - {ClassTable.Threshold0}[j]) + {ClassTable.ThresholdMax}[j]))"));
            steps.Add((a1, $"transform({p}, (x, j) -> ((x - {ClassTable.Threshold1}[j]) + {ClassTable.ThresholdMax}[j]))"));
            var (n0, n1) = (name + "_q0", name + "_q1");
            steps.Add((n0, $"transform({a0}, (a, j) -> a / {SumExpression.Pairwise(["a", $"{a1}[j]"])})"));
            steps.Add((n1, $"transform({a1}, (a, j) -> a / {SumExpression.Pairwise([$"{a0}[j]", "a"])})"));
            q1Array = n1;
            q0 = $"{n0}[j]";
        }
        else
        {
            q1Array = p;
            q0 = OneVsRestExpressions.Complement("x");
        }

        var self = $"IF({given}, x, {q0})";
        var other = $"IF({given}, {q0}, x)";
        var score = method switch
        {
            RankingMethod.SelfConfidence => self,
            RankingMethod.NormalizedMargin => OneVsRestExpressions.NormalizedMargin(self, other),
            _ => ConfidenceWeightedEntropy(q0, self),
        };
        var scores = name + "_classes";
        steps.Add((scores, $"transform({q1Array}, (x, j) -> {score})"));
        if (aggregator.Method == ScoreAggregation.Maximum)
        {
            steps.Add((name, $"array_max({scores})"));
            return steps;
        }

        var alpha = aggregator.Alpha ?? 2.0 / (classCount + 1);
        var sorted = name + "_sorted";
        steps.Add((sorted, $"sort_array({scores}, false)"));
        steps.Add((name, $"aggregate(slice({sorted}, 2, {classCount - 1}), {sorted}[0], (ema, s) -> ({SqlLiteral.Double(alpha)} * s) + ({SqlLiteral.Double(1 - alpha)} * ema))"));
        return steps;
    }

    // LabelQualityScorer.ConfidenceWeightedEntropy on [q0, x]: x ln x terms summed pairwise, over ln 2.
    private static string ConfidenceWeightedEntropy(string q0, string self)
    {
        string Term(string v) => $"IF({v} = {SqlLiteral.Double(0)}, {SqlLiteral.Double(0)}, {v} * ln({v}))";
        var entropy = $"((-{SumExpression.Pairwise([Term(q0), Term("x")])}) / {SqlLiteral.Double(Math.Log(2))})";
        var clip = SqlLiteral.Double(ClippingLowerBound);
        var score = $"({entropy} / greatest({self}, {clip}))";
        return $"(ln({score} + {SqlLiteral.Double(1)}) / greatest({score}, {clip}))";
    }
}
