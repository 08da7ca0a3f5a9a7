namespace SparkCleanlab.SparkSql;

/// <summary>The scalar functions by name (lower case), each binding its call to a compiled expression.</summary>
internal static class FunctionRegistry
{
    private static readonly Dictionary<string, Func<Analyzer, CallSyntax, Bound>> Functions = new(StringComparer.Ordinal);

    static FunctionRegistry()
    {
        MathFunctions.Register(Functions);
        ConditionalFunctions.Register(Functions);
        CollectionFunctions.Register(Functions);
        HigherOrderFunctions.Register(Functions);
        StringFunctions.Register(Functions);
    }

    public static Bound Bind(Analyzer analyzer, string name, CallSyntax call) =>
        Functions.TryGetValue(name, out var bind)
            ? bind(analyzer, call)
            : throw new AnalysisException(
                $"[UNRESOLVED_ROUTINE] Cannot resolve function `{call.Name}` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].");

    /// <summary><c>concat</c> of strings or of arrays: NULL when any argument is.</summary>
    public static Bound Concat(IReadOnlyList<Bound> arguments)
    {
        var name = $"concat({string.Join(", ", arguments.Select(a => a.Name))})";
        if (arguments.Count > 0 && arguments.All(a => a.Type.Kind is TypeKind.Array or TypeKind.Null))
        {
            var type = Coercion.WiderOfAll(arguments.Select(a => a.Type), "concat");
            var arrays = arguments.Select(a => Coercion.CastTo(a, type).Eval).ToArray();
            return new Bound(type, c =>
            {
                var parts = new List<object?>();
                foreach (var array in arrays)
                {
                    if (array(c) is not object?[] items)
                    {
                        return null;
                    }

                    parts.AddRange(items);
                }

                return parts.ToArray();
            }, name);
        }

        var texts = arguments.Select(a => Coercion.CastTo(a, SqlType.String).Eval).ToArray();
        return new Bound(SqlType.String, c =>
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in texts)
            {
                if (part(c) is not string s)
                {
                    return null;
                }

                text.Append(s);
            }

            return text.ToString();
        }, name);
    }

    /// <summary>The generated name of a call: <c>name(arg, ...)</c>.</summary>
    public static string CallName(string name, IEnumerable<Bound> arguments) => $"{name}({string.Join(", ", arguments.Select(a => a.Name))})";

    /// <summary>Checks the argument count and binds the arguments.</summary>
    public static IReadOnlyList<Bound> Arguments(Analyzer analyzer, CallSyntax call, int min, int max)
    {
        if (call.Arguments.Count < min || call.Arguments.Count > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"[{min}, {max}]";
            throw new AnalysisException(
                $"[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `{call.Name.ToLowerInvariant()}` requires {expected} parameters but the actual number is {call.Arguments.Count}.");
        }

        return call.Arguments.Select(analyzer.Bind).ToList();
    }

    /// <summary>A one-argument function over a non-null value of the given input type.</summary>
    public static Bound Unary(Bound argument, SqlType input, SqlType output, string name, Func<object, object?> apply)
    {
        var eval = Coercion.CastTo(argument, input).Eval;
        return new Bound(output, c => eval(c) is { } v ? apply(v) : null, name);
    }

    /// <summary>An error for an argument of the wrong type.</summary>
    public static AnalysisException WrongType(string function, Bound argument, string expected) =>
        new($"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{function}\" due to data type mismatch: the parameter requires {expected} type, however \"{argument.Name}\" has the type \"{argument.Type.Sql}\".");
}
