using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The Core's per-row formulas as Spark SQL over <see cref="Columns.P"/> (an array of K
/// doubles) and <see cref="Columns.Label"/>, written with array functions and lambdas so that no
/// expression grows faster than linearly in K, and with the Core's operations in the Core's
/// order: IEEE doubles then give the same bits in the JVM as in .NET. Catalyst folds constants
/// but never re-associates floating-point arithmetic. Rows reaching these expressions are valid
/// (no NaN, no NULL), which makes <c>array_max</c> and <c>=</c> agree with the Core's loops.
/// </summary>
internal static class RowExpressions
{
    /// <summary>p[label]: the self-confidence (0-based <c>[]</c> indexing).</summary>
    public static string SelfConfidence => $"{Columns.P}[{Columns.Label}]";

    /// <summary><see cref="FixedPoint.ToUnits"/> of the self-confidence as DECIMAL(38,0): times 2^62 is exact and the cast truncates like C#'s.</summary>
    public static string SelfConfidenceUnits =>
        $"CAST(CAST(({SelfConfidence} * {SqlLiteral.Double(FixedPoint.Scale)}) AS BIGINT) AS DECIMAL(38,0))";

    /// <summary><see cref="RowMath.ArgMax"/>: the first class holding the largest probability.</summary>
    public static string ArgMax => ArgMaxOf(Columns.P);

    /// <summary><see cref="RowMath.MaxOther"/>: the largest probability of the other classes.</summary>
    public static string MaxOther => $"array_max(filter({Columns.P}, (x, i) -> i <> {Columns.Label}))";

    /// <summary>
    /// <see cref="RowMath.GivenWinsWithSlack"/>: with b = p[given] + 1e-6, no earlier class has
    /// p &gt;= b and no later class has p &gt; b.
    /// </summary>
    public static string GivenWinsWithSlack
    {
        get
        {
            var bumped = $"({SelfConfidence} + {SqlLiteral.Double(RowMath.FloatingPointComparison)})";
            return $"(size(filter({Columns.P}, (x, i) -> IF(i < {Columns.Label}, x >= {bumped}, i > {Columns.Label} AND x > {bumped}))) = 0)";
        }
    }

    /// <summary><see cref="Core.Scoring.LabelQualityScorer.NormalizedMargin"/>: <c>((p[given] - maxOther) + 1) / 2</c>.</summary>
    public static string NormalizedMargin =>
        $"((({SelfConfidence} - {MaxOther}) + {SqlLiteral.Double(1)}) / {SqlLiteral.Double(2)})";

    /// <summary>The first index of the largest element of an array column, as INT (<c>array_position</c> gives BIGINT).</summary>
    public static string ArgMaxOf(string array) => $"CAST(array_position({array}, array_max({array})) - 1 AS INT)";

    /// <summary>
    /// <see cref="Core.Joint.ConfidentGuess.Of"/> given a column of per-class booleans
    /// <c>p[j] &gt;= t[j] - 1e-6</c>: no guess (-1), the one confident class, or the argmax.
    /// </summary>
    public static string ConfidentGuess(string confident) =>
        $"(CASE size(filter({confident}, c -> c)) WHEN 0 THEN -1 WHEN 1 THEN CAST(array_position({confident}, true) - 1 AS INT) ELSE {ArgMax} END)";

    /// <summary>The per-class booleans of <see cref="ConfidentGuess"/>, given a column holding the cuts t[j] - 1e-6.</summary>
    public static string Confident(string cuts) => $"transform({Columns.P}, (x, i) -> x >= {cuts}[i])";

    /// <summary>The cuts of <see cref="ClassThresholds.ConfidenceCuts"/> as one array literal, to be selected once as a column.</summary>
    public static string Cuts(ClassThresholds thresholds) => DoubleArray(thresholds.ConfidenceCuts());

    /// <summary>An <c>array(...)</c> literal of doubles.</summary>
    public static string DoubleArray(IEnumerable<double> values) => $"array({string.Join(", ", values.Select(SqlLiteral.Double))})";
}
