using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.SparkPlan.MultiLabel;

/// <summary>
/// The Core's formulas on one class's one-vs-rest row <c>[1 - x, x]</c> with binary label
/// <c>g ? 1 : 0</c>, as Spark SQL over two expressions (the probability x and the membership g),
/// in the Core's order of operations so the JVM gives the same bits. They are written to sit in
/// a lambda over the K classes, which keeps every expression linear in K.
/// </summary>
internal static class OneVsRestExpressions
{
    /// <summary>The binary label: 1 when the class is given.</summary>
    public static string Label(string given) => $"IF({given}, 1, 0)";

    /// <summary>The probability of "not given": <c>1 - x</c>, as the Core computes it.</summary>
    public static string Complement(string x) => $"({SqlLiteral.Double(1)} - {x})";

    /// <summary>The self-confidence of the binary row: x when given, else 1 - x.</summary>
    public static string SelfConfidence(string x, string given) => $"IF({given}, {x}, {Complement(x)})";

    /// <summary>The probability of the other binary class.</summary>
    public static string Other(string x, string given) => $"IF({given}, {Complement(x)}, {x})";

    /// <summary><see cref="RowMath.ArgMax"/> of the binary row: 0 on a tie.</summary>
    public static string ArgMax(string x) => $"IF({Complement(x)} >= {x}, 0, 1)";

    /// <summary><see cref="RowMath.GivenWinsWithSlack"/> on the binary row: class 0 may tie, class 1 must not reach p[given] + 1e-6.</summary>
    public static string GivenWinsWithSlack(string x, string given)
    {
        var slack = SqlLiteral.Double(RowMath.FloatingPointComparison);
        return $"IF({given}, NOT ({Complement(x)} >= ({x} + {slack})), NOT ({x} > ({Complement(x)} + {slack})))";
    }

    /// <summary><see cref="Core.Joint.ConfidentGuess.Of"/> on the binary row, given the class's cuts t - 1e-6 of both sides.</summary>
    public static string ConfidentGuess(string x, string cut0, string cut1) =>
        $"(CASE WHEN {Complement(x)} >= {cut0} AND {x} >= {cut1} THEN {ArgMax(x)} WHEN {Complement(x)} >= {cut0} THEN 0 WHEN {x} >= {cut1} THEN 1 ELSE -1 END)";

    /// <summary><see cref="Core.Joint.ConfidentGuess.IsOffDiagonalIssue"/> given the guess.</summary>
    public static string IsOffDiagonalIssue(string guess, string x, string given) =>
        $"({guess} >= 0 AND {guess} <> {Label(given)} AND NOT {GivenWinsWithSlack(x, given)})";

    /// <summary>The margin key <c>p[given] - p[other]</c>, signed zero normalised.</summary>
    public static string MarginKey(string x, string given) => $"(({SelfConfidence(x, given)} - {Other(x, given)}) + {SqlLiteral.Double(0)})";

    /// <summary>The normalized margin <c>((p[given] - p[other]) + 1) / 2</c> of probabilities q0, q1.</summary>
    public static string NormalizedMargin(string self, string other) =>
        $"((({self} - {other}) + {SqlLiteral.Double(1)}) / {SqlLiteral.Double(2)})";

    /// <summary>A cutoff's rule: the key below the cutoff key, or equal to it at a position no later.</summary>
    public static string Selects(string key, string cutoffKey, string cutoffPosition) =>
        $"({key} < {cutoffKey} OR ({key} = {cutoffKey} AND {Columns.Position} <= {cutoffPosition}))";
}
