using System.Numerics;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// <c>+ - * / % div</c> and unary minus as Spark 3.5 types and evaluates them without ANSI
/// (arithmetic.scala, DecimalPrecision.scala): strings become DOUBLE (PromoteStrings); integer
/// overflow wraps; <c>/</c> is DOUBLE unless a decimal is involved; division or remainder by
/// zero is NULL; decimal results take the precision rules with precision loss allowed and are
/// NULL when they overflow; an integer literal next to a decimal takes its minimum precision.
/// </summary>
internal static class ArithmeticBinder
{
    public static Bound Bind(string op, Bound left, Bound right)
    {
        left = PromoteString(left);
        right = PromoteString(right);
        if (left.Type.Kind == TypeKind.Null)
        {
            left = Coercion.CastTo(left, right.Type.Kind == TypeKind.Null ? SqlType.Double : right.Type);
        }

        if (right.Type.Kind == TypeKind.Null)
        {
            right = Coercion.CastTo(right, left.Type);
        }

        var name = $"({left.Name} {(op == "DIV" ? "div" : op)} {right.Name})";
        if (!left.Type.IsNumeric || !right.Type.IsNumeric)
        {
            throw new AnalysisException(
                $"[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve \"{name}\" due to data type mismatch: the binary operator requires numeric input types, not \"{left.Type.Sql}\" and \"{right.Type.Sql}\".");
        }

        if (op == "DIV")
        {
            return IntegralDivide(left, right, name);
        }

        if (left.Type.Kind == TypeKind.Decimal || right.Type.Kind == TypeKind.Decimal)
        {
            if (left.Type.Kind is TypeKind.Float or TypeKind.Double || right.Type.Kind is TypeKind.Float or TypeKind.Double)
            {
                return Fractional(op, Coercion.CastTo(left, SqlType.Double), Coercion.CastTo(right, SqlType.Double), name);
            }

            return DecimalArithmetic(op, AsDecimal(left), AsDecimal(right), name);
        }

        if (op == "/")
        {
            return Fractional(op, Coercion.CastTo(left, SqlType.Double), Coercion.CastTo(right, SqlType.Double), name);
        }

        var type = Coercion.Tightest(left.Type, right.Type)!;
        left = Coercion.CastTo(left, type);
        right = Coercion.CastTo(right, type);
        return type.Kind is TypeKind.Float or TypeKind.Double ? Fractional(op, left, right, name) : Integral(op, left, right, type, name);
    }

    public static Bound Negate(Bound operand)
    {
        operand = PromoteString(operand);
        var eval = operand.Eval;
        var name = $"(- {operand.Name})";
        Func<object, object> negate = operand.Type.Kind switch
        {
            TypeKind.Int => v => unchecked(-(int)v),
            TypeKind.Long => v => unchecked(-(long)v),
            TypeKind.Short => v => unchecked((short)-(short)v),
            TypeKind.Byte => v => unchecked((sbyte)-(sbyte)v),
            TypeKind.Double => v => -(double)v,
            TypeKind.Float => v => -(float)v,
            TypeKind.Decimal => v => -(BigInteger)v,
            _ => throw new AnalysisException($"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{name}\": requires numeric type, not \"{operand.Type.Sql}\"."),
        };
        return new Bound(operand.Type, c => eval(c) is { } v ? negate(v) : null, name);
    }

    private static Bound PromoteString(Bound bound) => bound.Type.Kind == TypeKind.String ? Coercion.CastTo(bound, SqlType.Double) : bound;

    private static Bound AsDecimal(Bound bound)
    {
        if (bound.Type.Kind == TypeKind.Decimal)
        {
            return bound;
        }

        // DecimalPrecision: integer literals take DecimalType.fromLiteral, the fewest digits holding them.
        if (bound.IsLiteral && bound.Eval(new RowContext(0)) is { } value)
        {
            var digits = Decimals.DigitCount(new BigInteger(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)));
            return Coercion.CastTo(bound, SqlType.Decimal(digits, 0));
        }

        return Coercion.CastTo(bound, bound.Type.DecimalForIntegral()!);
    }

    private static Bound Fractional(string op, Bound left, Bound right, string name)
    {
        var l = left.Eval;
        var r = right.Eval;
        if (left.Type.Kind == TypeKind.Float)
        {
            Func<float, float, object?> f = op switch
            {
                "+" => (a, b) => a + b,
                "-" => (a, b) => a - b,
                "*" => (a, b) => a * b,
                _ => (a, b) => b == 0 ? null : a % b,
            };
            return new Bound(SqlType.Float, c => l(c) is float a && r(c) is float b ? f(a, b) : null, name);
        }

        Func<double, double, object?> d = op switch
        {
            "+" => (a, b) => a + b,
            "-" => (a, b) => a - b,
            "*" => (a, b) => a * b,
            "/" => (a, b) => b == 0 ? null : a / b,
            _ => (a, b) => b == 0 ? null : a % b,
        };
        return new Bound(SqlType.Double, c => l(c) is double a && r(c) is double b ? d(a, b) : null, name);
    }

    private static Bound Integral(string op, Bound left, Bound right, SqlType type, string name)
    {
        var l = left.Eval;
        var r = right.Eval;
        Func<long, long, long?> compute = op switch
        {
            "+" => (a, b) => unchecked(a + b),
            "-" => (a, b) => unchecked(a - b),
            "*" => (a, b) => unchecked(a * b),
            _ => (a, b) => b == 0 ? null : b == -1 ? 0 : a % b,
        };
        Func<long, object> narrow = type.Kind switch
        {
            TypeKind.Byte => v => unchecked((sbyte)v),
            TypeKind.Short => v => unchecked((short)v),
            TypeKind.Int => v => unchecked((int)v),
            _ => v => v,
        };
        return new Bound(type, c =>
        {
            if (l(c) is not { } a || r(c) is not { } b)
            {
                return null;
            }

            return compute(ToLong(a), ToLong(b)) is { } result ? narrow(result) : null;
        }, name);
    }

    private static Bound IntegralDivide(Bound left, Bound right, string name)
    {
        if (left.Type.Kind == TypeKind.Decimal || right.Type.Kind == TypeKind.Decimal)
        {
            var type = Coercion.WiderDecimal(left.Type, right.Type) ?? SqlType.Double;
            if (type.Kind == TypeKind.Decimal)
            {
                var x = Coercion.CastTo(left, type).Eval;
                var y = Coercion.CastTo(right, type).Eval;
                return new Bound(SqlType.Long, c => x(c) is BigInteger a && y(c) is BigInteger b && !b.IsZero ? (long)(ulong)(BigInteger.Divide(a, b) & ulong.MaxValue) : null, name);
            }
        }

        var l = Coercion.CastTo(left, SqlType.Long).Eval;
        var r = Coercion.CastTo(right, SqlType.Long).Eval;
        return new Bound(SqlType.Long, c => l(c) is long a && r(c) is long b && b != 0 ? (b == -1 ? unchecked(-a) : a / b) : null, name);
    }

    private static Bound DecimalArithmetic(string op, Bound left, Bound right, string name)
    {
        var (p1, s1, p2, s2) = (left.Type.Precision, left.Type.Scale, right.Type.Precision, right.Type.Scale);
        var (precision, scale) = op switch
        {
            "+" or "-" => (Math.Max(p1 - s1, p2 - s2) + Math.Max(s1, s2) + 1, Math.Max(s1, s2)),
            "*" => (p1 + p2 + 1, s1 + s2),
            "/" => (p1 - s1 + s2 + Math.Max(6, s1 + p2 + 1), Math.Max(6, s1 + p2 + 1)),
            _ => (Math.Min(p1 - s1, p2 - s2) + Math.Max(s1, s2), Math.Max(s1, s2)),
        };
        var type = AdjustPrecisionScale(precision, scale);
        var l = left.Eval;
        var r = right.Eval;
        var common = Math.Max(s1, s2);
        Func<BigInteger, BigInteger, object?> compute = op switch
        {
            "+" => (a, b) => Decimals.Fit(Decimals.Rescale(a, s1, common) + Decimals.Rescale(b, s2, common), common, type),
            "-" => (a, b) => Decimals.Fit(Decimals.Rescale(a, s1, common) - Decimals.Rescale(b, s2, common), common, type),
            "*" => (a, b) => FitRounded(Decimals.RoundSignificant(a * b, s1 + s2, Decimals.MaxPrecision), type),
            "/" => (a, b) => b.IsZero ? null : FitRounded(Decimals.DivideSignificant(a * Decimals.Pow10(s2), b * Decimals.Pow10(s1), Decimals.MaxPrecision), type),
            _ => (a, b) => b.IsZero ? null : Decimals.Fit(BigInteger.Remainder(Decimals.Rescale(a, s1, common), Decimals.Rescale(b, s2, common)), common, type),
        };
        return new Bound(type, c => l(c) is BigInteger a && r(c) is BigInteger b ? compute(a, b) : null, name);
    }

    // Decimal.* and Decimal./ round to 38 significant digits (MATH_CONTEXT), then the result is fitted to its type.
    private static object? FitRounded((BigInteger Unscaled, int Scale) value, SqlType type) =>
        value.Scale < 0 ? Decimals.Fit(value.Unscaled * Decimals.Pow10(-value.Scale), 0, type) : Decimals.Fit(value.Unscaled, value.Scale, type);

    /// <summary><c>DecimalType.adjustPrecisionScale</c>: above 38 digits, keep the integral digits and at least min(scale, 6) fraction digits.</summary>
    public static SqlType AdjustPrecisionScale(int precision, int scale)
    {
        if (precision <= Decimals.MaxPrecision)
        {
            return SqlType.Decimal(precision, scale);
        }

        var integral = precision - scale;
        var minScale = Math.Min(scale, 6);
        return SqlType.Decimal(Decimals.MaxPrecision, Math.Max(Decimals.MaxPrecision - integral, minScale));
    }

    private static long ToLong(object value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        sbyte b => b,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
