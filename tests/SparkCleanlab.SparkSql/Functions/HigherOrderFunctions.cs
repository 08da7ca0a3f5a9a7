namespace SparkCleanlab.SparkSql;

/// <summary>
/// Higher-order functions over arrays (higherOrderFunctions.scala): the lambda's parameters are
/// local slots filled per element. <c>transform</c> and <c>filter</c> take an optional index;
/// <c>aggregate</c>/<c>reduce</c> require the merge to return the zero's type;
/// <c>exists</c> and <c>forall</c> follow three-valued logic
/// (<c>legacy.followThreeValuedLogicInArrayExists</c> is true); <c>zip_with</c> pads the
/// shorter array with NULLs.
/// </summary>
internal static class HigherOrderFunctions
{
    public static void Register(Dictionary<string, Func<Analyzer, CallSyntax, Bound>> functions)
    {
        functions["transform"] = BindTransform;
        functions["filter"] = BindFilter;
        functions["aggregate"] = functions["reduce"] = BindAggregate;
        functions["exists"] = (a, c) => BindQuantifier(a, c, "exists", exists: true);
        functions["forall"] = (a, c) => BindQuantifier(a, c, "forall", exists: false);
        functions["zip_with"] = BindZipWith;
    }

    private static (Bound Array, Eval Eval, SqlType Element) ArrayArgument(Analyzer analyzer, CallSyntax call, string name, int count)
    {
        if (call.Arguments.Count != count)
        {
            throw new AnalysisException($"[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `{name}` requires {count} parameters but the actual number is {call.Arguments.Count}.");
        }

        var array = analyzer.Bind(call.Arguments[0]);
        return (array, CollectionFunctions.Array(array, name), array.Type.Element ?? SqlType.Null);
    }

    private static string LambdaName(Syntax syntax, Bound body) =>
        syntax is LambdaSyntax lambda ? $"lambdafunction({body.Name}, {string.Join(", ", lambda.Parameters.Select(p => $"namedlambdavariable()"))})" : body.Name;

    private static Bound BindTransform(Analyzer analyzer, CallSyntax call)
    {
        var (array, eval, element) = ArrayArgument(analyzer, call, "transform", 2);
        var (body, slots) = analyzer.BindLambda(call.Arguments[1], "transform", element, SqlType.Int);
        var f = body.Eval;
        return new Bound(SqlType.ArrayOf(body.Type), c =>
        {
            if (eval(c) is not object?[] items)
            {
                return null;
            }

            var result = new object?[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                Fill(c, slots, items[i], i);
                result[i] = f(c);
            }

            return result;
        }, $"transform({array.Name}, {LambdaName(call.Arguments[1], body)})");
    }

    private static Bound BindFilter(Analyzer analyzer, CallSyntax call)
    {
        var (array, eval, element) = ArrayArgument(analyzer, call, "filter", 2);
        var (body, slots) = analyzer.BindLambda(call.Arguments[1], "filter", element, SqlType.Int);
        var f = Analyzer.Boolean(body).Eval;
        return new Bound(array.Type, c =>
        {
            if (eval(c) is not object?[] items)
            {
                return null;
            }

            var kept = new List<object?>(items.Length);
            for (var i = 0; i < items.Length; i++)
            {
                Fill(c, slots, items[i], i);
                if (f(c) is true)
                {
                    kept.Add(items[i]);
                }
            }

            return kept.ToArray();
        }, $"filter({array.Name}, {LambdaName(call.Arguments[1], body)})");
    }

    private static Bound BindAggregate(Analyzer analyzer, CallSyntax call)
    {
        if (call.Arguments.Count is not (3 or 4))
        {
            throw new AnalysisException($"[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `{call.Name.ToLowerInvariant()}` requires [3, 4] parameters but the actual number is {call.Arguments.Count}.");
        }

        var array = analyzer.Bind(call.Arguments[0]);
        var eval = CollectionFunctions.Array(array, "aggregate");
        var zero = analyzer.Bind(call.Arguments[1]);
        var (merge, mergeSlots) = analyzer.BindLambda(call.Arguments[2], "aggregate", zero.Type, array.Type.Element ?? SqlType.Null);
        if (!merge.Type.Equals(zero.Type))
        {
            throw new AnalysisException(
                $"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"aggregate\" due to data type mismatch: Parameter 3 requires the \"{zero.Type.Sql}\" type, however \"{merge.Name}\" has the type \"{merge.Type.Sql}\".");
        }

        var (finish, finishSlots) = call.Arguments.Count == 4
            ? analyzer.BindLambda(call.Arguments[3], "aggregate", zero.Type)
            : (new Bound(zero.Type, c => c.Locals[mergeSlots[0]], "acc"), [mergeSlots[0]]);
        var (z, m, f) = (zero.Eval, merge.Eval, finish.Eval);
        return new Bound(finish.Type, c =>
        {
            if (eval(c) is not object?[] items)
            {
                return null;
            }

            var accumulator = z(c);
            foreach (var item in items)
            {
                c.Locals[mergeSlots[0]] = accumulator;
                if (mergeSlots.Length > 1)
                {
                    c.Locals[mergeSlots[1]] = item;
                }

                accumulator = m(c);
            }

            c.Locals[finishSlots[0]] = accumulator;
            return f(c);
        }, $"{call.Name.ToLowerInvariant()}({array.Name}, {zero.Name}, {LambdaName(call.Arguments[2], merge)}{(call.Arguments.Count == 4 ? ", " + LambdaName(call.Arguments[3], finish) : string.Empty)})");
    }

    private static Bound BindQuantifier(Analyzer analyzer, CallSyntax call, string name, bool exists)
    {
        var (array, eval, element) = ArrayArgument(analyzer, call, name, 2);
        var (body, slots) = analyzer.BindLambda(call.Arguments[1], name, element);
        var f = Analyzer.Boolean(body).Eval;
        return new Bound(SqlType.Boolean, c =>
        {
            if (eval(c) is not object?[] items)
            {
                return null;
            }

            var sawNull = false;
            foreach (var item in items)
            {
                Fill(c, slots, item, 0);
                switch (f(c))
                {
                    case bool b when b == exists:
                        return exists;
                    case null:
                        sawNull = true;
                        break;
                }
            }

            return sawNull ? null : !exists;
        }, $"{name}({array.Name}, {LambdaName(call.Arguments[1], body)})");
    }

    private static Bound BindZipWith(Analyzer analyzer, CallSyntax call)
    {
        var (left, l, leftElement) = ArrayArgument(analyzer, call, "zip_with", 3);
        var right = analyzer.Bind(call.Arguments[1]);
        var r = CollectionFunctions.Array(right, "zip_with");
        var (body, slots) = analyzer.BindLambda(call.Arguments[2], "zip_with", leftElement, right.Type.Element ?? SqlType.Null);
        var f = body.Eval;
        return new Bound(SqlType.ArrayOf(body.Type), c =>
        {
            if (l(c) is not object?[] x || r(c) is not object?[] y)
            {
                return null;
            }

            var result = new object?[Math.Max(x.Length, y.Length)];
            for (var i = 0; i < result.Length; i++)
            {
                c.Locals[slots[0]] = i < x.Length ? x[i] : null;
                if (slots.Length > 1)
                {
                    c.Locals[slots[1]] = i < y.Length ? y[i] : null;
                }

                result[i] = f(c);
            }

            return result;
        }, $"zip_with({left.Name}, {right.Name}, {LambdaName(call.Arguments[2], body)})");
    }

    private static void Fill(RowContext context, int[] slots, object? element, int index)
    {
        context.Locals[slots[0]] = element;
        if (slots.Length > 1)
        {
            context.Locals[slots[1]] = index;
        }
    }
}
