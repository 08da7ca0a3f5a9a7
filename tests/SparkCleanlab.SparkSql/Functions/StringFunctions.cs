namespace SparkCleanlab.SparkSql;

/// <summary>
/// <c>lower</c>, <c>upper</c>, <c>length</c> (characters, as UTF-8 code points), <c>substring</c>
/// with 1-based positions, 0 read as 1 and negative positions from the end
/// (<c>UTF8String.substringSQL</c>), and <c>string(x)</c>.
/// </summary>
internal static class StringFunctions
{
    public static void Register(Dictionary<string, Func<Analyzer, CallSyntax, Bound>> functions)
    {
        functions["lower"] = (a, c) => Text(a, c, "lower", s => s.ToLowerInvariant());
        functions["upper"] = (a, c) => Text(a, c, "upper", s => s.ToUpperInvariant());
        functions["length"] = functions["char_length"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 1, 1);
            return FunctionRegistry.Unary(args[0], SqlType.String, SqlType.Int, FunctionRegistry.CallName("length", args), v => ((string)v).EnumerateRunes().Count());
        };
        functions["string"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 1, 1);
            return Coercion.CastTo(args[0], SqlType.String) with { Name = $"CAST({args[0].Name} AS STRING)" };
        };
        functions["substring"] = functions["substr"] = BindSubstring;
    }

    private static Bound Text(Analyzer analyzer, CallSyntax call, string name, Func<string, string> apply)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 1);
        return FunctionRegistry.Unary(args[0], SqlType.String, SqlType.String, FunctionRegistry.CallName(name, args), v => apply((string)v));
    }

    private static Bound BindSubstring(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 2, 3);
        var text = Coercion.CastTo(args[0], SqlType.String).Eval;
        var position = Coercion.CastTo(args[1], SqlType.Int).Eval;
        var length = args.Count == 3 ? Coercion.CastTo(args[2], SqlType.Int).Eval : _ => int.MaxValue;
        return new Bound(SqlType.String, c =>
        {
            if (text(c) is not string s || position(c) is not int pos || length(c) is not int len)
            {
                return null;
            }

            var runes = s.EnumerateRunes().ToArray();
            // substringSQL: a negative start counts from the end, and the length still applies from there.
            long start = pos > 0 ? pos - 1 : pos < 0 ? runes.Length + pos : 0;
            var end = len == int.MaxValue ? runes.Length : Math.Min(runes.Length, start + (long)len);
            start = Math.Max(start, 0);
            return end <= start ? string.Empty : string.Concat(runes[(int)start..(int)end].Select(r => r.ToString()));
        }, FunctionRegistry.CallName("substring", args));
    }
}
