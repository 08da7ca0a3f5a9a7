using System.Numerics;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Aggregate functions (catalyst/expressions/aggregate/*.scala) with Spark 3.5's non-ANSI
/// results: <c>count</c> is BIGINT; <c>sum</c> of integers is a wrapping BIGINT, of DECIMAL(p,s)
/// a DECIMAL(min(38, p + 10), s) that is NULL on overflow, of floating point a DOUBLE; <c>avg</c>
/// is DOUBLE, or DECIMAL(p + 4, s + 4) bounded; <c>min</c>/<c>max</c> keep the type with NaN the
/// largest; NULL inputs are skipped and an empty group gives NULL (0 for counts, an empty array
/// for <c>collect_list</c>); <c>first</c> keeps NULLs.
/// </summary>
internal static class AggregateFunctions
{
    private static readonly HashSet<string> Names =
        ["count", "sum", "min", "max", "avg", "mean", "first", "first_value", "collect_list", "count_if", "bool_or", "any", "some", "bool_and", "every", "max_by", "min_by"];

    public static bool IsAggregate(string name) => Names.Contains(name);

    public static AggregateFunction Create(string name, IReadOnlyList<Bound> args, bool star)
    {
        var callName = star ? "count(1)" : FunctionRegistry.CallName(name == "mean" ? "avg" : name, args);
        Expect(name, args, star);
        switch (name)
        {
            case "count":
                return Count(args, callName);
            case "count_if":
                var condition = Analyzer.Boolean(args[0]).Eval;
                return Counting(callName, c => condition(c) is true);
            case "sum":
                return Sum(args[0], callName);
            case "avg" or "mean":
                return Average(args[0], callName);
            case "min" or "max":
                return Extreme(args[0], callName, name == "max" ? 1 : -1);
            case "max_by" or "min_by":
                return ExtremeBy(args[0], args[1], callName, name == "max_by" ? 1 : -1);
            case "first" or "first_value":
                var first = args[0].Eval;
                return new AggregateFunction(args[0].Type, callName, () =>
                {
                    var seen = false;
                    object? value = null;
                    return new DelegateState(c =>
                    {
                        if (!seen)
                        {
                            (seen, value) = (true, first(c));
                        }
                    }, () => value);
                });
            case "collect_list":
                var item = args[0].Eval;
                return new AggregateFunction(SqlType.ArrayOf(args[0].Type), callName, () =>
                {
                    var items = new List<object?>();
                    return new DelegateState(c =>
                    {
                        if (item(c) is { } v)
                        {
                            items.Add(v);
                        }
                    }, () => items.ToArray());
                });
            default:
                var test = Analyzer.Boolean(args[0]).Eval;
                var any = name is "bool_or" or "any" or "some";
                return new AggregateFunction(SqlType.Boolean, callName, () =>
                {
                    bool? result = null;
                    return new DelegateState(c =>
                    {
                        if (test(c) is bool b)
                        {
                            result = any ? (result ?? false) || b : (result ?? true) && b;
                        }
                    }, () => result);
                });
        }
    }

    private static void Expect(string name, IReadOnlyList<Bound> args, bool star)
    {
        var expected = name is "max_by" or "min_by" ? 2 : 1;
        if (star ? name != "count" : args.Count != expected && !(name == "count" && args.Count > 1))
        {
            throw new AnalysisException($"[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `{name}` requires {expected} parameters but the actual number is {args.Count}.");
        }
    }

    private static AggregateFunction Count(IReadOnlyList<Bound> args, string name)
    {
        if (args.Count == 0)
        {
            return Counting(name, _ => true);
        }

        var evals = args.Select(a => a.Eval).ToArray();
        return Counting(name, c => evals.All(e => e(c) is not null));
    }

    private static AggregateFunction Counting(string name, Func<RowContext, bool> counts) => new(SqlType.Long, name, () =>
    {
        long n = 0;
        return new DelegateState(c =>
        {
            if (counts(c))
            {
                n++;
            }
        }, () => n);
    });

    private static AggregateFunction Sum(Bound arg, string name)
    {
        if (arg.Type.Kind == TypeKind.String)
        {
            arg = Coercion.CastTo(arg, SqlType.Double);
        }

        if (arg.Type.IsIntegral)
        {
            var value = Coercion.CastTo(arg, SqlType.Long).Eval;
            return new AggregateFunction(SqlType.Long, name, () =>
            {
                long? sum = null;
                return new DelegateState(c =>
                {
                    if (value(c) is long v)
                    {
                        sum = unchecked((sum ?? 0) + v);
                    }
                }, () => sum);
            });
        }

        if (arg.Type.Kind == TypeKind.Decimal)
        {
            var type = SqlType.Decimal(Math.Min(Decimals.MaxPrecision, arg.Type.Precision + 10), arg.Type.Scale);
            var value = arg.Eval;
            var limit = Decimals.Pow10(type.Precision);
            return new AggregateFunction(type, name, () =>
            {
                BigInteger? sum = null;
                var overflow = false;
                return new DelegateState(c =>
                {
                    if (value(c) is BigInteger v)
                    {
                        sum = (sum ?? BigInteger.Zero) + v;
                        overflow |= BigInteger.Abs(sum.Value) >= limit;
                    }
                }, () => overflow ? null : sum);
            });
        }

        if (!arg.Type.IsNumeric && arg.Type.Kind != TypeKind.Null)
        {
            throw FunctionRegistry.WrongType("sum", arg, "NUMERIC");
        }

        var number = Coercion.CastTo(arg, SqlType.Double).Eval;
        return new AggregateFunction(SqlType.Double, name, () =>
        {
            double? sum = null;
            return new DelegateState(c =>
            {
                if (number(c) is double v)
                {
                    sum = (sum ?? 0) + v;
                }
            }, () => sum);
        });
    }

    private static AggregateFunction Average(Bound arg, string name)
    {
        if (arg.Type.Kind == TypeKind.Decimal)
        {
            var (p, s) = (arg.Type.Precision, arg.Type.Scale);
            var type = SqlType.Decimal(Math.Min(p + 4, Decimals.MaxPrecision), Math.Min(s + 4, Decimals.MaxPrecision));
            var value = arg.Eval;
            return new AggregateFunction(type, name, () =>
            {
                var sum = BigInteger.Zero;
                long n = 0;
                return new DelegateState(c =>
                {
                    if (value(c) is BigInteger v)
                    {
                        sum += v;
                        n++;
                    }
                }, () => n == 0 ? null : Decimals.Fit(Decimals.DivideHalfUp(sum * Decimals.Pow10(type.Scale - s), n), type.Scale, type));
            });
        }

        var number = Coercion.CastTo(arg.Type.IsNumeric || arg.Type.Kind is TypeKind.Null or TypeKind.String ? arg : throw FunctionRegistry.WrongType("avg", arg, "NUMERIC"), SqlType.Double).Eval;
        return new AggregateFunction(SqlType.Double, name, () =>
        {
            double sum = 0;
            long n = 0;
            return new DelegateState(c =>
            {
                if (number(c) is double v)
                {
                    sum += v;
                    n++;
                }
            }, () => n == 0 ? null : sum / n);
        });
    }

    private static AggregateFunction Extreme(Bound arg, string name, int sign)
    {
        var value = arg.Eval;
        var compare = SqlOrdering.For(arg.Type);
        return new AggregateFunction(arg.Type, name, () =>
        {
            object? best = null;
            return new DelegateState(c =>
            {
                if (value(c) is { } v && (best is null || sign * compare(v, best) > 0))
                {
                    best = v;
                }
            }, () => best);
        });
    }

    private static AggregateFunction ExtremeBy(Bound arg, Bound ordering, string name, int sign)
    {
        var (value, key) = (arg.Eval, ordering.Eval);
        var compare = SqlOrdering.For(ordering.Type);
        return new AggregateFunction(arg.Type, name, () =>
        {
            object? best = null;
            object? bestKey = null;
            return new DelegateState(c =>
            {
                if (key(c) is { } k && (bestKey is null || sign * compare(k, bestKey) > 0))
                {
                    (best, bestKey) = (value(c), k);
                }
            }, () => best);
        });
    }
}
