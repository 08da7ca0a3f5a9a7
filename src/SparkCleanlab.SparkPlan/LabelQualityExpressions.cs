using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// <see cref="LabelQualityScorer.Score"/> as Spark SQL, as a list of columns to select in turn
/// (each may read the ones before), optionally on threshold-adjusted probabilities
/// (<c>((p[j] - t[j]) + max t) / pairwiseSum</c>). Self-confidence and normalized margin are
/// bit-identical to the Core. Confidence-weighted entropy takes logarithms: Spark's <c>ln</c> is
/// Java's StrictMath.log (fdlibm) and .NET's Math.Log the C library's, both within one ulp, so
/// that score alone may differ in its last bit.
/// </summary>
internal static class LabelQualityExpressions
{
    private const double ClippingLowerBound = 1e-6;
    private const string Adjusted = "__q";
    private const string Shifted = "__shifted";
    private const string Terms = "__terms";
    private const string Thresholds = "__thresholds";

    /// <summary>The column the score ends in.</summary>
    public const string Score = "__quality";

    /// <summary>The projections, in order, that end with <see cref="Score"/>.</summary>
    public static IReadOnlyList<(string Name, string Expression)> Steps(int classCount, RankingMethod method, ClassThresholds? adjustWith)
    {
        var steps = new List<(string, string)>();
        var p = Columns.P;
        if (adjustWith is not null)
        {
            var max = SqlLiteral.Double(adjustWith.ToArray().Max());
            steps.Add((Thresholds, RowExpressions.DoubleArray(adjustWith.ToArray())));
            steps.Add((Shifted, $"transform({Columns.P}, (x, i) -> (x - {Thresholds}[i]) + {max})"));
            var sum = SumExpression.Pairwise(Enumerable.Range(0, classCount).Select(j => $"{Shifted}[{j}]").ToArray());
            steps.Add((Adjusted, $"transform({Shifted}, x -> x / {sum})"));
            p = Adjusted;
        }

        var given = $"{p}[{Columns.Label}]";
        switch (method)
        {
            case RankingMethod.SelfConfidence:
                steps.Add((Score, given));
                break;
            case RankingMethod.NormalizedMargin:
                var maxOther = $"array_max(filter({p}, (x, i) -> i <> {Columns.Label}))";
                steps.Add((Score, $"((({given} - {maxOther}) + {SqlLiteral.Double(1)}) / {SqlLiteral.Double(2)})"));
                break;
            default:
                steps.Add((Terms, $"transform({p}, x -> IF(x = {SqlLiteral.Double(0)}, {SqlLiteral.Double(0)}, x * ln(x)))"));
                var sumTerms = SumExpression.Pairwise(Enumerable.Range(0, classCount).Select(j => $"{Terms}[{j}]").ToArray());
                var entropy = $"((-{sumTerms}) / {SqlLiteral.Double(Math.Log(classCount))})";
                var clip = SqlLiteral.Double(ClippingLowerBound);
                var score = $"({entropy} / greatest({given}, {clip}))";
                steps.Add((Score, $"(ln({score} + {SqlLiteral.Double(1)}) / greatest({score}, {clip}))"));
                break;
        }

        return steps;
    }
}
