namespace SparkCleanlab.SparkSql;

/// <summary>
/// The implicit type rules of Spark 3.5's non-ANSI analyzer (TypeCoercion.scala,
/// DecimalPrecision.scala): <c>findTightestCommonType</c> along the numeric precedence
/// tinyint &lt; smallint &lt; int &lt; bigint &lt; float &lt; double, then
/// <c>findWiderTypeForDecimal</c>, then string promotion, element-wise for arrays.
/// </summary>
internal static class Coercion
{
    /// <summary><c>findWiderTypeForTwo</c>; null when there is none.</summary>
    public static SqlType? Wider(SqlType a, SqlType b, bool promoteStrings = true)
    {
        if (Tightest(a, b) is { } tight)
        {
            return tight;
        }

        if (WiderDecimal(a, b) is { } decimalType)
        {
            return decimalType;
        }

        if (promoteStrings && ((a.Kind == TypeKind.String && Promotable(b)) || (b.Kind == TypeKind.String && Promotable(a))))
        {
            return SqlType.String;
        }

        if (a.Kind == TypeKind.Array && b.Kind == TypeKind.Array && Wider(a.Element!, b.Element!, promoteStrings) is { } element)
        {
            return SqlType.ArrayOf(element);
        }

        if (a.Kind == TypeKind.Struct && b.Kind == TypeKind.Struct && a.Fields.Count == b.Fields.Count)
        {
            var fields = new List<StructField>();
            for (var i = 0; i < a.Fields.Count; i++)
            {
                if (!string.Equals(a.Fields[i].Name, b.Fields[i].Name, StringComparison.OrdinalIgnoreCase)
                    || Wider(a.Fields[i].Type, b.Fields[i].Type, promoteStrings) is not { } field)
                {
                    return null;
                }

                fields.Add(new StructField(a.Fields[i].Name, field));
            }

            return SqlType.StructOf(fields);
        }

        return null;
    }

    /// <summary>The wider type of all, or an analysis error naming <paramref name="what"/>.</summary>
    public static SqlType WiderOfAll(IEnumerable<SqlType> types, string what, bool promoteStrings = true)
    {
        var list = types.ToList();
        var result = SqlType.Null;
        // Strings first, as findWiderCommonType orders them, so that the fold is order-independent.
        foreach (var type in list.Where(t => t.Kind == TypeKind.String).Concat(list.Where(t => t.Kind != TypeKind.String)))
        {
            result = Wider(result, type, promoteStrings)
                ?? throw new AnalysisException($"[DATATYPE_MISMATCH.DATA_DIFFERENT_TYPES] Cannot resolve \"{what}\" due to data type mismatch: Input to `{what}` should all be the same type, but it's [{string.Join(", ", list.Select(t => t.Sql))}].");
        }

        return result;
    }

    /// <summary><c>findTightestCommonType</c>.</summary>
    public static SqlType? Tightest(SqlType a, SqlType b)
    {
        if (a.Equals(b))
        {
            return a;
        }

        if (a.Kind == TypeKind.Null)
        {
            return b;
        }

        if (b.Kind == TypeKind.Null)
        {
            return a;
        }

        if (Rank(a) is { } ra && Rank(b) is { } rb)
        {
            return ra >= rb ? a : b;
        }

        if (a.Kind is TypeKind.Timestamp or TypeKind.TimestampNtz && b.Kind is TypeKind.Timestamp or TypeKind.TimestampNtz or TypeKind.Date)
        {
            return a.Kind == TypeKind.Timestamp || b.Kind == TypeKind.Timestamp ? SqlType.Timestamp : SqlType.TimestampNtz;
        }

        return a.Kind == TypeKind.Array && b.Kind == TypeKind.Array && Tightest(a.Element!, b.Element!) is { } e ? SqlType.ArrayOf(e) : null;
    }

    /// <summary><c>findWiderTypeForDecimal</c>: decimals with decimals or integers widen to a decimal, with floating point to DOUBLE.</summary>
    public static SqlType? WiderDecimal(SqlType a, SqlType b)
    {
        if (a.Kind != TypeKind.Decimal && b.Kind != TypeKind.Decimal)
        {
            return null;
        }

        if (a.Kind is TypeKind.Float or TypeKind.Double || b.Kind is TypeKind.Float or TypeKind.Double)
        {
            return SqlType.Double;
        }

        if (a.DecimalForIntegral() is not { } x || b.DecimalForIntegral() is not { } y)
        {
            return null;
        }

        var scale = Math.Max(x.Scale, y.Scale);
        var range = Math.Max(x.Precision - x.Scale, y.Precision - y.Scale);
        return SqlType.Decimal(Math.Min(range + scale, Decimals.MaxPrecision), Math.Min(scale, Decimals.MaxPrecision));
    }

    /// <summary>An expression converted to <paramref name="target"/> (an implicit cast keeps the generated name).</summary>
    public static Bound CastTo(Bound bound, SqlType target)
    {
        if (bound.Type.Equals(target))
        {
            return bound;
        }

        var convert = Casts.Converter(bound.Type, target);
        var eval = bound.Eval;
        if (bound.IsLiteral)
        {
            var value = eval(new RowContext(0));
            var converted = value is null ? null : convert(value);
            return Bound.Literal(converted, target, bound.Name);
        }

        return new Bound(target, c => eval(c) is { } v ? convert(v) : null, bound.Name);
    }

    private static bool Promotable(SqlType type) => type.IsAtomic && type.Kind is not (TypeKind.Binary or TypeKind.Boolean);

    private static int? Rank(SqlType type) => type.Kind switch
    {
        TypeKind.Byte => 0,
        TypeKind.Short => 1,
        TypeKind.Int => 2,
        TypeKind.Long => 3,
        TypeKind.Float => 4,
        TypeKind.Double => 5,
        _ => null,
    };
}
