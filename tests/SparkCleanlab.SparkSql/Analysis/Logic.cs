namespace SparkCleanlab.SparkSql;

/// <summary>
/// Three-valued logic and the conditional expressions (predicates.scala,
/// conditionalExpressions.scala): AND is false when either side is false, OR true when either
/// is true, NULL otherwise when a side is NULL; <c>IN</c> is NULL when no element matches and
/// one is NULL; CASE and IF widen their branches to a common type.
/// </summary>
internal static class Logic
{
    public static Bound Not(Bound operand)
    {
        var eval = operand.Eval;
        return new Bound(SqlType.Boolean, c => eval(c) is bool b ? !b : null, $"(NOT {operand.Name})");
    }

    public static Bound And(Bound left, Bound right)
    {
        var (l, r) = (left.Eval, right.Eval);
        return new Bound(SqlType.Boolean, c =>
        {
            var a = l(c);
            if (a is false)
            {
                return false;
            }

            var b = r(c);
            return b is false ? false : a is null || b is null ? null : true;
        }, $"({left.Name} AND {right.Name})");
    }

    public static Bound Or(Bound left, Bound right)
    {
        var (l, r) = (left.Eval, right.Eval);
        return new Bound(SqlType.Boolean, c =>
        {
            var a = l(c);
            if (a is true)
            {
                return true;
            }

            var b = r(c);
            return b is true ? true : a is null || b is null ? null : false;
        }, $"({left.Name} OR {right.Name})");
    }

    public static Bound IsNull(Bound operand, bool negated)
    {
        var eval = operand.Eval;
        return negated
            ? new Bound(SqlType.Boolean, c => eval(c) is not null, $"({operand.Name} IS NOT NULL)")
            : new Bound(SqlType.Boolean, c => eval(c) is null, $"({operand.Name} IS NULL)");
    }

    public static Bound In(Bound value, IReadOnlyList<Bound> list, bool negated)
    {
        var name = $"({value.Name} IN ({string.Join(", ", list.Select(b => b.Name))}))";
        var type = Coercion.WiderOfAll(list.Select(b => b.Type).Prepend(value.Type), "in");
        var v = Coercion.CastTo(value, type).Eval;
        var items = list.Select(b => Coercion.CastTo(b, type).Eval).ToArray();
        var compare = SqlOrdering.For(type);
        var @in = new Bound(SqlType.Boolean, c =>
        {
            if (v(c) is not { } x)
            {
                return null;
            }

            var sawNull = false;
            foreach (var item in items)
            {
                if (item(c) is not { } y)
                {
                    sawNull = true;
                }
                else if (compare(x, y) == 0)
                {
                    return true;
                }
            }

            return sawNull ? null : false;
        }, name);
        return negated ? Not(@in) with { Name = $"(NOT {name})" } : @in;
    }

    public static Bound Case(IReadOnlyList<Bound> conditions, IReadOnlyList<Bound> results, Bound? otherwise)
    {
        var type = Coercion.WiderOfAll(results.Select(r => r.Type).Concat(otherwise is null ? [] : [otherwise.Type]), "casewhen");
        var tests = conditions.Select(b => b.Eval).ToArray();
        var values = results.Select(r => Coercion.CastTo(r, type).Eval).ToArray();
        var fallback = otherwise is null ? null : Coercion.CastTo(otherwise, type).Eval;
        var whens = string.Join(" ", conditions.Select((b, i) => $"WHEN {b.Name} THEN {results[i].Name}"));
        var name = $"CASE {whens}{(otherwise is null ? string.Empty : $" ELSE {otherwise.Name}")} END";
        return new Bound(type, c =>
        {
            for (var i = 0; i < tests.Length; i++)
            {
                if (tests[i](c) is true)
                {
                    return values[i](c);
                }
            }

            return fallback?.Invoke(c);
        }, name);
    }
}
