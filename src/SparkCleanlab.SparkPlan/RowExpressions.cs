using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The Core's per-row formulas as Spark SQL over <see cref="PlanColumns"/>, operation for
/// operation and in the same order: IEEE doubles then give the same bits in the JVM as in .NET.
/// Catalyst only folds constants and never re-associates floating-point arithmetic, so the
/// order written here is the order executed. Rows reaching these expressions are valid
/// (no NaN), which makes <c>greatest</c> and <c>=</c> agree with the Core's loops.
/// </summary>
public sealed class RowExpressions
{
    /// <summary>Expressions for K classes.</summary>
    public RowExpressions(int classCount)
    {
        Columns = new PlanColumns(classCount);
    }

    /// <summary>The columns the expressions read.</summary>
    public PlanColumns Columns { get; }

    private int K => Columns.ClassCount;

    /// <summary>p[label]: the self-confidence of the row.</summary>
    public string SelfConfidence => ByLabel(PlanColumns.P);

    /// <summary>
    /// <see cref="FixedPoint.ToUnits"/> of p[label] as DECIMAL(38,0), ready for an exact
    /// <c>sum</c>: multiplying by 2^62 is exact and the cast to BIGINT truncates like C#'s cast.
    /// </summary>
    public string SelfConfidenceUnits =>
        $"CAST(CAST(({SelfConfidence} * {SqlLiteral.Double(FixedPoint.Scale)}) AS BIGINT) AS DECIMAL(38,0))";

    /// <summary><see cref="RowMath.ArgMax"/>: the first class holding the largest probability.</summary>
    public string ArgMax
    {
        get
        {
            var max = $"greatest({string.Join(", ", Columns.Probabilities)})";
            var whens = Enumerable.Range(0, K - 1).Select(j => $"WHEN {PlanColumns.P(j)} = {max} THEN {j}");
            return $"(CASE {string.Join(" ", whens)} ELSE {K - 1} END)";
        }
    }

    /// <summary><see cref="Core.Joint.ConfidentGuess.Of"/> with the cuts t[j] - 1e-6 as literals; -1 for no guess.</summary>
    public string ConfidentGuess(ClassThresholds thresholds)
    {
        var cuts = thresholds.ConfidenceCuts();
        var confident = Enumerable.Range(0, K).Select(j => $"{PlanColumns.P(j)} >= {SqlLiteral.Double(cuts[j])}").ToList();
        var count = string.Join(" + ", confident.Select(c => $"IF({c}, 1, 0)"));
        var first = string.Join(" ", confident.Select((c, j) => $"WHEN {c} THEN {j}"));
        return $"(CASE ({count}) WHEN 0 THEN -1 WHEN 1 THEN (CASE {first} END) ELSE {ArgMax} END)";
    }

    /// <summary>
    /// <see cref="RowMath.GivenWinsWithSlack"/>: with b = p[given] + 1e-6, no earlier class has
    /// p &gt;= b and no later class has p &gt; b (argmax picks the first of equal values).
    /// </summary>
    public string GivenWinsWithSlack => ByLabel(given =>
    {
        var bumped = $"({PlanColumns.P(given)} + {SqlLiteral.Double(RowMath.FloatingPointComparison)})";
        var losses = Enumerable.Range(0, K).Where(j => j != given)
            .Select(j => j < given ? $"{PlanColumns.P(j)} >= {bumped}" : $"{PlanColumns.P(j)} > {bumped}");
        return $"(NOT ({string.Join(" OR ", losses)}))";
    });

    /// <summary><see cref="RowMath.MaxOther"/>: the largest probability among the other classes.</summary>
    public string MaxOther => ByLabel(given =>
    {
        var others = Enumerable.Range(0, K).Where(j => j != given).Select(PlanColumns.P).ToList();
        return others.Count == 1 ? others[0] : $"greatest({string.Join(", ", others)})";
    });

    /// <summary><see cref="Core.Scoring.LabelQualityScorer.NormalizedMargin"/>: <c>((p[given] - maxOther) + 1) / 2</c>.</summary>
    public string NormalizedMargin =>
        $"((({SelfConfidence} - {MaxOther}) + {SqlLiteral.Double(1)}) / {SqlLiteral.Double(2)})";

    /// <summary>An expression that takes the value of <paramref name="perClass"/> for the row's label.</summary>
    public string ByLabel(Func<int, string> perClass)
    {
        var whens = Enumerable.Range(0, K).Select(k => $"WHEN {k} THEN {perClass(k)}");
        return $"(CASE {PlanColumns.Label} {string.Join(" ", whens)} END)";
    }
}
