namespace SparkCleanlab.SparkSql;

/// <summary>
/// Resolves and types a parsed expression against the columns of a frame and compiles it to a
/// closure. Names resolve as Spark's default <c>spark.sql.caseSensitive=false</c>: lambda
/// variables first, then columns ignoring case, an ambiguous name being an error. Aggregate
/// and window calls are collected by <see cref="AggregationBinding"/> and
/// <see cref="WindowBinding"/> when the caller allows them, and read back from extra row slots.
/// </summary>
internal sealed class Analyzer(IReadOnlyList<ColumnInfo> columns)
{
    private readonly List<(string Name, int Slot, SqlType Type)> _lambdaVariables = [];
    private int _localCount;

    /// <summary>Set while binding the output of a grouping: aggregate calls register here.</summary>
    public AggregationBinding? Aggregation { get; set; }

    /// <summary>Set while binding a select list: window calls register here.</summary>
    public WindowBinding? Windows { get; set; }

    /// <summary>Slots the compiled lambdas need in <see cref="RowContext.Locals"/>.</summary>
    public int LocalCount => _localCount;

    /// <summary>Binds SQL text.</summary>
    public Bound Bind(string text) => Bind(Parser.ParseExpression(text));

    public Bound Bind(Syntax syntax) => syntax switch
    {
        LiteralSyntax literal => Bound.Literal(literal.Value, literal.Type, literal.Value is { } value ? Casts.ToText(value, literal.Type) : "NULL"),
        NameSyntax name => BindName(name.Name),
        FieldSyntax field => BindField(Bind(field.Target), field.Field),
        IndexSyntax index => BindIndex(Bind(index.Target), Bind(index.Index)),
        UnarySyntax { Operator: "-" } unary => ArithmeticBinder.Negate(Bind(unary.Operand)),
        UnarySyntax unary => Logic.Not(Boolean(Bind(unary.Operand))),
        BinarySyntax binary => BindBinary(binary),
        IsNullSyntax isNull => Logic.IsNull(Bind(isNull.Operand), isNull.Negated),
        InSyntax @in => Logic.In(Bind(@in.Value), @in.List.Select(Bind).ToList(), @in.Negated),
        BetweenSyntax between => BindBetween(between),
        CaseSyntax @case => BindCase(@case),
        CastSyntax cast => BindCast(Bind(cast.Operand), cast.Type),
        CallSyntax call => BindCall(call),
        LambdaSyntax => throw new AnalysisException("[INVALID_LAMBDA_FUNCTION_CALL] A lambda function is only allowed as an argument of a higher-order function."),
        StarSyntax => throw new AnalysisException("[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '*' in an expression."),
        AliasSyntax alias => Bind(alias.Expression) with { Name = alias.Names[0] },
        _ => throw new InvalidOperationException(syntax.GetType().Name),
    };

    /// <summary>
    /// Binds a lambda argument of a higher-order function with typed parameters: the compiled
    /// body and the local slots the caller fills before each call.
    /// </summary>
    public (Bound Body, int[] Slots) BindLambda(Syntax syntax, string function, params SqlType[] parameterTypes)
    {
        if (syntax is not LambdaSyntax lambda)
        {
            throw new AnalysisException($"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] The function `{function}` expects a lambda function argument.");
        }

        if (lambda.Parameters.Count > parameterTypes.Length)
        {
            throw new AnalysisException(
                $"[INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH] A higher order function expects {parameterTypes.Length} arguments, but got {lambda.Parameters.Count}.");
        }

        var slots = new int[lambda.Parameters.Count];
        var mark = _lambdaVariables.Count;
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = _localCount++;
            _lambdaVariables.Add((lambda.Parameters[i], slots[i], parameterTypes[i]));
        }

        try
        {
            return (Bind(lambda.Body), slots);
        }
        finally
        {
            _lambdaVariables.RemoveRange(mark, _lambdaVariables.Count - mark);
        }
    }

    /// <summary>The index of a column by name, as Spark resolves it; hidden columns only when no visible one matches.</summary>
    public int ResolveColumn(string name)
    {
        var matches = Enumerable.Range(0, columns.Count)
            .Where(i => string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var visible = matches.Where(i => !columns[i].Hidden).ToList();
        if (visible.Count > 1)
        {
            throw new AnalysisException(
                $"[AMBIGUOUS_REFERENCE] Reference `{name}` is ambiguous, could be: [{string.Join(", ", visible.Select(i => $"`{columns[i].Name}`"))}].");
        }

        if (visible.Count == 1 || matches.Count == 1)
        {
            return visible.Count == 1 ? visible[0] : matches[0];
        }

        var available = string.Join(", ", columns.Where(c => !c.Hidden).Select(c => $"`{c.Name}`"));
        throw new AnalysisException(
            $"[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `{name}` cannot be resolved. Did you mean one of the following? [{available}].");
    }

    /// <summary>The expression as a BOOLEAN, as the analyzer requires for conditions.</summary>
    public static Bound Boolean(Bound bound) =>
        bound.Type.Kind is TypeKind.Boolean ? bound
        : bound.Type.Kind is TypeKind.Null or TypeKind.String ? Coercion.CastTo(bound, SqlType.Boolean)
        : throw new AnalysisException(
            $"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{bound.Name}\": requires \"BOOLEAN\" type, however \"{bound.Name}\" has the type \"{bound.Type.Sql}\".");

    private Bound BindName(string name)
    {
        for (var i = _lambdaVariables.Count - 1; i >= 0; i--)
        {
            var (variable, slot, type) = _lambdaVariables[i];
            if (string.Equals(variable, name, StringComparison.OrdinalIgnoreCase))
            {
                return new Bound(type, c => c.Locals[slot], variable);
            }
        }

        var index = ResolveColumn(name);
        if (Aggregation is { } aggregation)
        {
            return aggregation.KeyReference(index, columns[index]);
        }

        var column = columns[index];
        return new Bound(column.Type, c => c.Row[index], column.Name);
    }

    private static Bound BindField(Bound target, string field)
    {
        if (target.Type.Kind != TypeKind.Struct)
        {
            throw new AnalysisException(
                $"[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"{target.Name}\". Need a complex type [STRUCT, ARRAY, MAP] but got \"{target.Type.Sql}\".");
        }

        var matches = target.Type.Fields.Select((f, i) => (f, i)).Where(x => string.Equals(x.f.Name, field, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            throw new AnalysisException(matches.Count == 0
                ? $"[FIELD_NOT_FOUND] No such struct field `{field}` in {string.Join(", ", target.Type.Fields.Select(f => $"`{f.Name}`"))}."
                : $"[AMBIGUOUS_REFERENCE_TO_FIELDS] Ambiguous reference to the field `{field}`.");
        }

        var (structField, position) = matches[0];
        var eval = target.Eval;
        return new Bound(structField.Type, c => eval(c) is object?[] row ? row[position] : null, structField.Name);
    }

    private static Bound BindIndex(Bound target, Bound index)
    {
        if (target.Type.Kind != TypeKind.Array || !(index.Type.IsIntegral || index.Type.Kind == TypeKind.Null))
        {
            throw new AnalysisException(
                $"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{target.Name}[{index.Name}]\": requires an array and an integral index, got \"{target.Type.Sql}\" and \"{index.Type.Sql}\".");
        }

        var array = target.Eval;
        var position = Coercion.CastTo(index, SqlType.Int).Eval;
        return new Bound(target.Type.Element!, c => array(c) is object?[] items && position(c) is int i && i >= 0 && i < items.Length ? items[i] : null,
            $"{target.Name}[{index.Name}]");
    }

    private Bound BindBinary(BinarySyntax binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        return binary.Operator switch
        {
            "AND" => Logic.And(Boolean(left), Boolean(right)),
            "OR" => Logic.Or(Boolean(left), Boolean(right)),
            "+" or "-" or "*" or "/" or "%" or "DIV" => ArithmeticBinder.Bind(binary.Operator, left, right),
            "||" => FunctionRegistry.Concat([left, right]),
            "=" or "<>" or "<" or "<=" or ">" or ">=" or "<=>" => ComparisonBinder.Bind(binary.Operator, left, right),
            _ => throw new ParseException($"[UNSUPPORTED_FEATURE] The operator {binary.Operator} is not supported by the local executor."),
        };
    }

    private Bound BindBetween(BetweenSyntax between)
    {
        var value = Bind(between.Value);
        var range = Logic.And(ComparisonBinder.Bind(">=", value, Bind(between.Low)), ComparisonBinder.Bind("<=", value, Bind(between.High)));
        return between.Negated ? Logic.Not(range) : range;
    }

    private Bound BindCase(CaseSyntax syntax)
    {
        var operand = syntax.Operand is null ? null : Bind(syntax.Operand);
        var conditions = syntax.Branches
            .Select(b => operand is null ? Boolean(Bind(b.When)) : ComparisonBinder.Bind("=", operand, Bind(b.When)))
            .ToList();
        var results = syntax.Branches.Select(b => Bind(b.Then)).ToList();
        var otherwise = syntax.Else is null ? null : Bind(syntax.Else);
        return Logic.Case(conditions, results, otherwise);
    }

    private static Bound BindCast(Bound operand, SqlType type)
    {
        var name = $"CAST({operand.Name} AS {type.Sql})";
        return Coercion.CastTo(operand, type) with { Name = name };
    }

    private Bound BindCall(CallSyntax call)
    {
        var name = call.Name.ToLowerInvariant();
        if (call.Over is not null)
        {
            return (Windows ?? throw new AnalysisException($"[UNSUPPORTED_EXPR_FOR_OPERATOR] The window function {name} is only allowed in a select list."))
                .Register(this, call);
        }

        if (AggregateFunctions.IsAggregate(name))
        {
            return (Aggregation ?? throw new AnalysisException(
                    $"[UNSUPPORTED_EXPR_FOR_OPERATOR] The aggregate function {name} is not allowed here; it needs a grouping or a global aggregation."))
                .Register(this, call);
        }

        if (name is "explode" or "posexplode" or "explode_outer" or "posexplode_outer" or "inline")
        {
            throw new AnalysisException($"[UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] The generator is not supported: nested in expressions \"{name}\".");
        }

        return FunctionRegistry.Bind(this, name, call);
    }

    /// <summary>The value of an argument that must be a literal (a rounding scale, a sort direction).</summary>
    public static object? Constant(Bound argument, string function) =>
        argument.IsLiteral
            ? argument.Eval(new RowContext(0))
            : throw new AnalysisException($"[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve \"{function}\": the input \"{argument.Name}\" should be a foldable expression.");

    /// <summary>Binds the arguments of an aggregate or window call with grouping resolution switched off: they read the input rows.</summary>
    public IReadOnlyList<Bound> BindInputArguments(IEnumerable<Syntax> arguments)
    {
        var (aggregation, windows) = (Aggregation, Windows);
        Aggregation = null;
        Windows = null;
        try
        {
            return arguments.Select(Bind).ToList();
        }
        finally
        {
            (Aggregation, Windows) = (aggregation, windows);
        }
    }
}
