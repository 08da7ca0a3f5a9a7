using System.Numerics;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Math functions (mathExpressions.scala, arithmetic.scala): logarithms are NULL at or below
/// zero (<c>UnaryLogExpression</c>'s asymptote), <c>floor</c>/<c>ceil</c> of a double give a
/// saturating BIGINT, <c>round</c> rounds HALF_UP on the decimal digits of
/// <c>Double.toString</c> (as <c>BigDecimal(d).setScale</c>), <c>abs</c> wraps at the minimum integer.
/// </summary>
internal static class MathFunctions
{
    public static void Register(Dictionary<string, Func<Analyzer, CallSyntax, Bound>> functions)
    {
        functions["ln"] = (a, c) => Double(a, c, "ln", Log);
        functions["log10"] = (a, c) => Double(a, c, "log10", x => x <= 0 ? null : Math.Log10(x));
        functions["log2"] = (a, c) => Double(a, c, "log2", x => x <= 0 ? null : Math.Log2(x));
        functions["exp"] = (a, c) => Double(a, c, "exp", x => Math.Exp(x));
        functions["sqrt"] = (a, c) => Double(a, c, "sqrt", x => Math.Sqrt(x));
        functions["log"] = BindLog;
        functions["pow"] = functions["power"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 2, 2);
            var (x, y) = (Coercion.CastTo(args[0], SqlType.Double).Eval, Coercion.CastTo(args[1], SqlType.Double).Eval);
            return new Bound(SqlType.Double, r => x(r) is double b && y(r) is double e ? Math.Pow(b, e) : null, FunctionRegistry.CallName("power", args));
        };
        functions["abs"] = BindAbs;
        functions["floor"] = (a, c) => FloorOrCeiling(a, c, "floor", Math.Floor, floor: true);
        functions["ceil"] = functions["ceiling"] = (a, c) => FloorOrCeiling(a, c, "ceil", Math.Ceiling, floor: false);
        functions["round"] = BindRound;
        functions["isnan"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 1, 1);
            var x = Coercion.CastTo(args[0], SqlType.Double).Eval;
            return new Bound(SqlType.Boolean, r => x(r) is double d && double.IsNaN(d), FunctionRegistry.CallName("isnan", args));
        };
        functions["nanvl"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 2, 2);
            var (x, y) = (Coercion.CastTo(args[0], SqlType.Double).Eval, Coercion.CastTo(args[1], SqlType.Double).Eval);
            return new Bound(SqlType.Double, r => x(r) is double d && double.IsNaN(d) ? y(r) : x(r), FunctionRegistry.CallName("nanvl", args));
        };
    }

    private static object? Log(double x) => x <= 0 ? null : Math.Log(x);

    private static Bound Double(Analyzer analyzer, CallSyntax call, string name, Func<double, object?> apply)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 1);
        return FunctionRegistry.Unary(args[0], SqlType.Double, SqlType.Double, FunctionRegistry.CallName(name, args), v => apply((double)v));
    }

    // Logarithm(base, x): NULL when either is at or below zero.
    private static Bound BindLog(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 2);
        if (args.Count == 1)
        {
            return FunctionRegistry.Unary(args[0], SqlType.Double, SqlType.Double, FunctionRegistry.CallName("ln", args), v => Log((double)v));
        }

        var (b, x) = (Coercion.CastTo(args[0], SqlType.Double).Eval, Coercion.CastTo(args[1], SqlType.Double).Eval);
        return new Bound(SqlType.Double, c => b(c) is double @base && x(c) is double value && @base > 0 && value > 0 ? Math.Log(value) / Math.Log(@base) : null,
            FunctionRegistry.CallName("log", args));
    }

    private static Bound BindAbs(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 1);
        var arg = args[0].Type.Kind == TypeKind.String ? Coercion.CastTo(args[0], SqlType.Double) : args[0];
        Func<object, object?> abs = arg.Type.Kind switch
        {
            TypeKind.Int => v => (int)v == int.MinValue ? int.MinValue : Math.Abs((int)v),
            TypeKind.Long => v => (long)v == long.MinValue ? long.MinValue : Math.Abs((long)v),
            TypeKind.Short => v => unchecked((short)Math.Abs((int)(short)v)),
            TypeKind.Byte => v => unchecked((sbyte)Math.Abs((int)(sbyte)v)),
            TypeKind.Double => v => Math.Abs((double)v),
            TypeKind.Float => v => Math.Abs((float)v),
            TypeKind.Decimal => v => BigInteger.Abs((BigInteger)v),
            _ => throw FunctionRegistry.WrongType("abs", arg, "NUMERIC"),
        };
        return FunctionRegistry.Unary(arg, arg.Type, arg.Type, FunctionRegistry.CallName("abs", args), abs);
    }

    private static Bound FloorOrCeiling(Analyzer analyzer, CallSyntax call, string name, Func<double, double> apply, bool floor)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 1);
        var arg = args[0];
        var callName = FunctionRegistry.CallName(name.ToUpperInvariant(), args);
        // Floor/Ceil: a decimal of scale 0 keeps its type, others become DECIMAL(p - s + 1, 0).
        if (arg.Type.Kind == TypeKind.Decimal && arg.Type.Scale == 0)
        {
            return arg with { Name = callName };
        }

        if (arg.Type.Kind == TypeKind.Decimal)
        {
            var scale = arg.Type.Scale;
            var type = SqlType.Decimal(Math.Min(arg.Type.Precision - scale + 1, Decimals.MaxPrecision), 0);
            return FunctionRegistry.Unary(arg, arg.Type, type, callName, v =>
            {
                var quotient = BigInteger.DivRem((BigInteger)v, Decimals.Pow10(scale), out var remainder);
                return remainder.IsZero ? quotient : quotient + (floor ? (remainder.Sign < 0 ? -1 : 0) : (remainder.Sign > 0 ? 1 : 0));
            });
        }

        if (arg.Type.IsIntegral)
        {
            return Coercion.CastTo(arg, SqlType.Long) with { Name = callName };
        }

        return FunctionRegistry.Unary(arg, SqlType.Double, SqlType.Long, callName, v => Casts.SaturatingLong(apply((double)v)));
    }

    private static Bound BindRound(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 2);
        var arg = args[0].Type.Kind == TypeKind.String ? Coercion.CastTo(args[0], SqlType.Double) : args[0];
        var digits = args.Count == 2 ? Convert.ToInt32(Analyzer.Constant(args[1], "round"), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var name = $"round({args[0].Name}, {digits})";
        switch (arg.Type.Kind)
        {
            case TypeKind.Double or TypeKind.Float:
                return FunctionRegistry.Unary(arg, SqlType.Double, arg.Type, name, v =>
                {
                    var d = (double)v;
                    if (!double.IsFinite(d))
                    {
                        return arg.Type.Kind == TypeKind.Float ? (float)d : d;
                    }

                    var (unscaled, scale) = Decimals.FromDouble(d)!.Value;
                    var rounded = Decimals.ToDouble(Decimals.Rescale(unscaled, scale, Math.Max(digits, 0)), Math.Max(digits, 0));
                    if (digits < 0)
                    {
                        var unit = Decimals.Pow10(-digits);
                        rounded = Decimals.ToDouble(Decimals.DivideHalfUp(Decimals.Rescale(unscaled, scale, 0), unit) * unit, 0);
                    }

                    return arg.Type.Kind == TypeKind.Float ? (float)rounded : rounded;
                });
            case TypeKind.Decimal:
                var s = arg.Type.Scale;
                var newScale = Math.Min(s, Math.Max(digits, 0));
                var type = SqlType.Decimal(Math.Min(arg.Type.Precision - s + newScale + 1, Decimals.MaxPrecision), newScale);
                return FunctionRegistry.Unary(arg, arg.Type, type, name, v => Decimals.Fit((BigInteger)v, s, type));
            case TypeKind.Byte or TypeKind.Short or TypeKind.Int or TypeKind.Long:
                var integral = Coercion.CastTo(arg, SqlType.Long).Eval;
                var narrow = Casts.Converter(SqlType.Long, arg.Type);
                return new Bound(arg.Type, c =>
                {
                    if (integral(c) is not long l)
                    {
                        return null;
                    }

                    if (digits >= 0)
                    {
                        return narrow(l);
                    }

                    var unit = Decimals.Pow10(-digits);
                    return narrow((long)(Decimals.DivideHalfUp(l, unit) * unit));
                }, name);
            default:
                throw FunctionRegistry.WrongType("round", arg, "NUMERIC");
        }
    }
}
