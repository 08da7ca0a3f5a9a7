namespace SparkCleanlab.SparkSql;

/// <summary>
/// Comparisons as Spark 3.5 coerces them (TypeCoercion.PromoteStrings,
/// <c>findCommonTypeForBinaryComparison</c>, BooleanEquality): a string against another atomic
/// type is cast to that type (to DOUBLE against a decimal), numbers widen, booleans compare
/// with numbers as 1 and 0. Values then compare with <see cref="SqlOrdering"/>, so NaN equals
/// NaN and is above every other number, and -0.0 equals 0.0.
/// </summary>
internal static class ComparisonBinder
{
    public static Bound Bind(string op, Bound left, Bound right)
    {
        var name = $"({left.Name} {op} {right.Name})";
        var type = CommonType(left.Type, right.Type)
            ?? throw new AnalysisException(
                $"[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"{name}\" due to data type mismatch: the left and right operands of the binary operator have incompatible types (\"{left.Type.Sql}\" and \"{right.Type.Sql}\").");
        var l = Coercion.CastTo(left, type).Eval;
        var r = Coercion.CastTo(right, type).Eval;
        var compare = SqlOrdering.For(type);
        if (op == "<=>")
        {
            return new Bound(SqlType.Boolean, c => (l(c), r(c)) switch
            {
                (null, null) => true,
                (null, _) or (_, null) => false,
                var (a, b) => compare(a!, b!) == 0,
            }, name);
        }

        Func<int, bool> test = op switch
        {
            "=" => c => c == 0,
            "<>" => c => c != 0,
            "<" => c => c < 0,
            "<=" => c => c <= 0,
            ">" => c => c > 0,
            _ => c => c >= 0,
        };
        return new Bound(SqlType.Boolean, c => l(c) is { } a && r(c) is { } b ? test(compare(a, b)) : null, name);
    }

    /// <summary>The type both sides of a comparison are cast to; null when they cannot be compared.</summary>
    public static SqlType? CommonType(SqlType a, SqlType b)
    {
        if (a.Kind == TypeKind.String && b.Kind == TypeKind.Decimal || a.Kind == TypeKind.Decimal && b.Kind == TypeKind.String)
        {
            return SqlType.Double;
        }

        if (a.Kind == TypeKind.String && b.IsAtomic && b.Kind != TypeKind.String)
        {
            return b;
        }

        if (b.Kind == TypeKind.String && a.IsAtomic && a.Kind != TypeKind.String)
        {
            return a;
        }

        if (a.Kind == TypeKind.Boolean && b.IsNumeric)
        {
            return b;
        }

        if (b.Kind == TypeKind.Boolean && a.IsNumeric)
        {
            return a;
        }

        return Coercion.Tightest(a, b) ?? Coercion.WiderDecimal(a, b) ?? (a.Kind == TypeKind.Array && b.Kind == TypeKind.Array ? Coercion.Wider(a, b, promoteStrings: false) : null);
    }
}
