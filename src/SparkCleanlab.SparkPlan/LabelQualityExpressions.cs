using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// <see cref="LabelQualityScorer.Score"/> as Spark SQL, optionally on threshold-adjusted
/// probabilities (each <c>((p[j] - t[j]) + max t) / pairwiseSum</c>). Self-confidence and
/// normalized margin are bit-identical to the Core. Confidence-weighted entropy takes
/// logarithms: Spark's <c>ln</c> is Java's StrictMath.log (fdlibm) and .NET's Math.Log is the C
/// library's, both within one ulp, so that score alone may differ in its last bit; log(K) is
/// computed in .NET and passed as a literal.
/// </summary>
public sealed class LabelQualityExpressions(RowExpressions rows, RankingMethod method, ClassThresholds? adjustWith)
{
    private const double ClippingLowerBound = 1e-6;

    /// <summary>The score of the row; lower means the given label is more likely wrong.</summary>
    public string Score
    {
        get
        {
            var k = rows.Columns.ClassCount;
            var p = Enumerable.Range(0, k).Select(PlanColumns.P).ToArray();
            if (adjustWith is not null)
            {
                var max = SqlLiteral.Double(adjustWith.ToArray().Max());
                var shifted = Enumerable.Range(0, k)
                    .Select(j => $"(({PlanColumns.P(j)} - {SqlLiteral.Double(adjustWith[j])}) + {max})")
                    .ToArray();
                var sum = SumExpression.Pairwise(shifted);
                p = shifted.Select(s => $"({s} / {sum})").ToArray();
            }

            return method switch
            {
                RankingMethod.SelfConfidence => rows.ByLabel(g => p[g]),
                RankingMethod.NormalizedMargin => rows.ByLabel(g => NormalizedMargin(p, g)),
                _ => rows.ByLabel(g => ConfidenceWeightedEntropy(p, g)),
            };
        }
    }

    private static string NormalizedMargin(string[] p, int given)
    {
        var others = p.Where((_, j) => j != given).ToList();
        var maxOther = others.Count == 1 ? others[0] : $"greatest({string.Join(", ", others)})";
        return $"((({p[given]} - {maxOther}) + {SqlLiteral.Double(1)}) / {SqlLiteral.Double(2)})";
    }

    private static string ConfidenceWeightedEntropy(string[] p, int given)
    {
        var terms = p.Select(x => $"IF({x} = {SqlLiteral.Double(0)}, {SqlLiteral.Double(0)}, {x} * ln({x}))").ToList();
        var entropy = $"((-{SumExpression.Pairwise(terms)}) / {SqlLiteral.Double(Math.Log(p.Length))})";
        var clip = SqlLiteral.Double(ClippingLowerBound);
        var score = $"({entropy} / greatest({p[given]}, {clip}))";
        return $"(ln({score} + {SqlLiteral.Double(1)}) / greatest({score}, {clip}))";
    }
}
