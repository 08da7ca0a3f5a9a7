namespace SparkCleanlab.SparkSql;

/// <summary>
/// <c>if</c>, <c>coalesce</c>/<c>nvl</c>, <c>greatest</c>/<c>least</c> (NULLs skipped, NaN the
/// largest double, without string promotion as in arithmetic.scala), <c>isnull</c>,
/// <c>isnotnull</c> and <c>typeof</c>.
/// </summary>
internal static class ConditionalFunctions
{
    public static void Register(Dictionary<string, Func<Analyzer, CallSyntax, Bound>> functions)
    {
        functions["if"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 3, 3);
            return Logic.Case([Analyzer.Boolean(args[0])], [args[1]], args[2]) with { Name = $"(IF({args[0].Name}, {args[1].Name}, {args[2].Name}))" };
        };
        functions["coalesce"] = (a, c) => Coalesce(FunctionRegistry.Arguments(a, c, 1, int.MaxValue), "coalesce");
        functions["nvl"] = functions["ifnull"] = (a, c) => Coalesce(FunctionRegistry.Arguments(a, c, 2, 2), "nvl");
        functions["greatest"] = (a, c) => Extreme(FunctionRegistry.Arguments(a, c, 2, int.MaxValue), "greatest", sign: 1);
        functions["least"] = (a, c) => Extreme(FunctionRegistry.Arguments(a, c, 2, int.MaxValue), "least", sign: -1);
        functions["isnull"] = (a, c) => Logic.IsNull(FunctionRegistry.Arguments(a, c, 1, 1)[0], negated: false);
        functions["isnotnull"] = (a, c) => Logic.IsNull(FunctionRegistry.Arguments(a, c, 1, 1)[0], negated: true);
        functions["typeof"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 1, 1);
            return Bound.Literal(args[0].Type.SimpleString, SqlType.String, FunctionRegistry.CallName("typeof", args));
        };
    }

    private static Bound Coalesce(IReadOnlyList<Bound> args, string name)
    {
        var type = Coercion.WiderOfAll(args.Select(a => a.Type), name);
        var evals = args.Select(a => Coercion.CastTo(a, type).Eval).ToArray();
        return new Bound(type, c =>
        {
            foreach (var eval in evals)
            {
                if (eval(c) is { } value)
                {
                    return value;
                }
            }

            return null;
        }, FunctionRegistry.CallName(name, args));
    }

    private static Bound Extreme(IReadOnlyList<Bound> args, string name, int sign)
    {
        var type = Coercion.WiderOfAll(args.Select(a => a.Type), name, promoteStrings: false);
        var evals = args.Select(a => Coercion.CastTo(a, type).Eval).ToArray();
        var compare = SqlOrdering.For(type);
        return new Bound(type, c =>
        {
            object? best = null;
            foreach (var eval in evals)
            {
                if (eval(c) is { } value && (best is null || sign * compare(value, best) > 0))
                {
                    best = value;
                }
            }

            return best;
        }, FunctionRegistry.CallName(name, args));
    }
}
