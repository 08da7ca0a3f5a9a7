namespace SparkCleanlab.SparkSql;

/// <summary>
/// Array and struct functions (collectionOperations.scala, complexTypeCreator.scala) with
/// Spark 3.5's non-ANSI defaults: <c>size(NULL)</c> is -1 (<c>legacy.sizeOfNull</c>),
/// <c>element_at</c> is 1-based, negative from the end, NULL past the end and an error at 0;
/// <c>array_contains</c> is NULL when not found but a NULL element is present;
/// <c>array_max</c>/<c>array_min</c> skip NULLs with NaN the largest; <c>sort_array</c> puts NULLs
/// first ascending and last descending; <c>flatten</c> is NULL when an inner array is.
/// </summary>
internal static class CollectionFunctions
{
    public static void Register(Dictionary<string, Func<Analyzer, CallSyntax, Bound>> functions)
    {
        functions["size"] = functions["cardinality"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 1, 1);
            var array = Array(args[0], "size");
            return new Bound(SqlType.Int, r => array(r) is object?[] items ? items.Length : -1, FunctionRegistry.CallName("size", args));
        };
        functions["element_at"] = BindElementAt;
        functions["array"] = (a, c) =>
        {
            var args = c.Arguments.Select(a.Bind).ToList();
            var element = args.Count == 0 ? SqlType.Null : Coercion.WiderOfAll(args.Select(x => x.Type), "array");
            var evals = args.Select(x => Coercion.CastTo(x, element).Eval).ToArray();
            return new Bound(SqlType.ArrayOf(element), r =>
            {
                var items = new object?[evals.Length];
                for (var i = 0; i < evals.Length; i++)
                {
                    items[i] = evals[i](r);
                }

                return items;
            }, FunctionRegistry.CallName("array", args));
        };
        functions["array_contains"] = (a, c) => Search(a, c, "array_contains", (items, i) => i >= 0 ? true : items.Contains(null) ? null : false);
        functions["array_position"] = (a, c) => Search(a, c, "array_position", (_, i) => (long)(i + 1), SqlType.Long);
        functions["array_max"] = (a, c) => Extreme(a, c, "array_max", 1);
        functions["array_min"] = (a, c) => Extreme(a, c, "array_min", -1);
        functions["sequence"] = BindSequence;
        functions["slice"] = BindSlice;
        functions["concat"] = (a, c) => FunctionRegistry.Concat(c.Arguments.Select(a.Bind).ToList());
        functions["array_repeat"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 2, 2);
            var (element, count) = (args[0].Eval, Coercion.CastTo(args[1], SqlType.Int).Eval);
            return new Bound(SqlType.ArrayOf(args[0].Type), r => count(r) is int n ? Enumerable.Repeat(element(r), Math.Max(n, 0)).ToArray() : null,
                FunctionRegistry.CallName("array_repeat", args));
        };
        functions["flatten"] = (a, c) =>
        {
            var args = FunctionRegistry.Arguments(a, c, 1, 1);
            if (args[0].Type.Element?.Kind != TypeKind.Array)
            {
                throw FunctionRegistry.WrongType("flatten", args[0], "\"ARRAY\" of \"ARRAY\"");
            }

            var array = args[0].Eval;
            return new Bound(args[0].Type.Element!, r => array(r) is object?[] outer && outer.All(x => x is not null)
                ? outer.SelectMany(x => (object?[])x!).ToArray()
                : null, FunctionRegistry.CallName("flatten", args));
        };
        functions["arrays_zip"] = BindArraysZip;
        functions["sort_array"] = BindSortArray;
        functions["struct"] = (a, c) =>
        {
            var args = c.Arguments.Select(a.Bind).ToList();
            var names = c.Arguments.Select((s, i) => s is NameSyntax or FieldSyntax or AliasSyntax ? args[i].Name : $"col{i + 1}").ToList();
            return Struct(args, names, "struct");
        };
        functions["named_struct"] = (a, c) =>
        {
            if (c.Arguments.Count % 2 != 0 || c.Arguments.Count == 0)
            {
                throw new AnalysisException("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `named_struct` requires an even number of parameters.");
            }

            var names = c.Arguments.Where((_, i) => i % 2 == 0).Select(s => s is LiteralSyntax { Value: string n } ? n
                : throw new AnalysisException("[DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING] Only foldable STRING expressions are allowed to appear at odd position.")).ToList();
            return Struct(c.Arguments.Where((_, i) => i % 2 == 1).Select(a.Bind).ToList(), names, "named_struct");
        };
        functions["spark_partition_id"] = (a, c) =>
        {
            FunctionRegistry.Arguments(a, c, 0, 0);
            return new Bound(SqlType.Int, r => r.PartitionId, "SPARK_PARTITION_ID()");
        };
        // MonotonicallyIncreasingID: the partition index in the upper 31 bits, the row's place in its partition below.
        functions["monotonically_increasing_id"] = (a, c) =>
        {
            FunctionRegistry.Arguments(a, c, 0, 0);
            return new Bound(SqlType.Long, r => ((long)r.PartitionId << 33) + r.RowInPartition, "monotonically_increasing_id()");
        };
    }

    /// <summary>The compiled array argument, or an error naming the function.</summary>
    public static Eval Array(Bound argument, string function) =>
        argument.Type.Kind is TypeKind.Array or TypeKind.Null ? argument.Eval : throw FunctionRegistry.WrongType(function, argument, "\"ARRAY\"");

    private static Bound Struct(IReadOnlyList<Bound> values, IReadOnlyList<string> names, string function)
    {
        var type = SqlType.StructOf(values.Select((v, i) => new StructField(names[i], v.Type)).ToList());
        var evals = values.Select(v => v.Eval).ToArray();
        return new Bound(type, r =>
        {
            var fields = new object?[evals.Length];
            for (var i = 0; i < evals.Length; i++)
            {
                fields[i] = evals[i](r);
            }

            return fields;
        }, FunctionRegistry.CallName(function, values));
    }

    private static Bound BindElementAt(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 2, 2);
        var array = Array(args[0], "element_at");
        var index = Coercion.CastTo(args[1], SqlType.Int).Eval;
        return new Bound(args[0].Type.Element ?? SqlType.Null, r =>
        {
            if (array(r) is not object?[] items || index(r) is not int i)
            {
                return null;
            }

            if (i == 0)
            {
                throw new SparkRuntimeException("[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).");
            }

            var position = i > 0 ? i - 1 : items.Length + i;
            return position >= 0 && position < items.Length ? items[position] : null;
        }, FunctionRegistry.CallName("element_at", args));
    }

    private static Bound Search(Analyzer analyzer, CallSyntax call, string name, Func<object?[], int, object?> found, SqlType? resultType = null)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 2, 2);
        Array(args[0], name);
        var element = Coercion.Tightest(args[0].Type.Element ?? SqlType.Null, args[1].Type) ?? Coercion.WiderDecimal(args[0].Type.Element ?? SqlType.Null, args[1].Type)
            ?? throw FunctionRegistry.WrongType(name, args[1], args[0].Type.Element!.Sql);
        var array = Coercion.CastTo(args[0], SqlType.ArrayOf(element)).Eval;
        var value = Coercion.CastTo(args[1], element).Eval;
        var compare = SqlOrdering.For(element);
        var notFound = resultType is null ? (Func<object?[], object?>)(items => found(items, -1)) : _ => 0L;
        return new Bound(resultType ?? SqlType.Boolean, r =>
        {
            if (array(r) is not object?[] items || value(r) is not { } v)
            {
                return null;
            }

            for (var i = 0; i < items.Length; i++)
            {
                if (items[i] is { } item && compare(item, v) == 0)
                {
                    return found(items, i);
                }
            }

            return notFound(items);
        }, FunctionRegistry.CallName(name, args));
    }

    private static Bound Extreme(Analyzer analyzer, CallSyntax call, string name, int sign)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 1);
        var array = Array(args[0], name);
        var element = args[0].Type.Element ?? SqlType.Null;
        var compare = SqlOrdering.For(element);
        return new Bound(element, r =>
        {
            if (array(r) is not object?[] items)
            {
                return null;
            }

            object? best = null;
            foreach (var item in items)
            {
                if (item is not null && (best is null || sign * compare(item, best) > 0))
                {
                    best = item;
                }
            }

            return best;
        }, FunctionRegistry.CallName(name, args));
    }

    private static Bound BindSequence(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 2, 3);
        var type = Coercion.WiderOfAll(args.Select(a => a.Type), "sequence");
        if (!type.IsIntegral)
        {
            throw FunctionRegistry.WrongType("sequence", args[0], "integral");
        }

        var evals = args.Select(a => Coercion.CastTo(a, SqlType.Long).Eval).ToArray();
        var narrow = Casts.Converter(SqlType.Long, type);
        return new Bound(SqlType.ArrayOf(type), r =>
        {
            if (evals[0](r) is not long start || evals[1](r) is not long stop)
            {
                return null;
            }

            var step = evals.Length == 3 ? evals[2](r) as long? : start <= stop ? 1L : -1L;
            if (step is not long s)
            {
                return null;
            }

            if (s == 0 ? start != stop : (s > 0) != (start <= stop))
            {
                throw new SparkRuntimeException($"[ILLEGAL_SEQUENCE_BOUNDARIES] Illegal sequence boundaries: {start} to {stop} by {s}.");
            }

            var count = s == 0 ? 1 : ((stop - start) / s) + 1;
            var items = new object?[count];
            for (long i = 0; i < count; i++)
            {
                items[i] = narrow(start + (i * s));
            }

            return items;
        }, FunctionRegistry.CallName("sequence", args));
    }

    private static Bound BindSlice(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 3, 3);
        var array = Array(args[0], "slice");
        var start = Coercion.CastTo(args[1], SqlType.Int).Eval;
        var length = Coercion.CastTo(args[2], SqlType.Int).Eval;
        return new Bound(args[0].Type, r =>
        {
            if (array(r) is not object?[] items || start(r) is not int s || length(r) is not int n)
            {
                return null;
            }

            if (s == 0)
            {
                throw new SparkRuntimeException("[INVALID_PARAMETER_VALUE.START] The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got 0.");
            }

            if (n < 0)
            {
                throw new SparkRuntimeException($"[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal to 0, but got {n}.");
            }

            var from = s > 0 ? s - 1 : items.Length + s;
            return from < 0 || from >= items.Length ? System.Array.Empty<object?>() : items.Skip(from).Take(n).ToArray();
        }, FunctionRegistry.CallName("slice", args));
    }

    private static Bound BindArraysZip(Analyzer analyzer, CallSyntax call)
    {
        var args = call.Arguments.Select(analyzer.Bind).ToList();
        var arrays = args.Select(a => Array(a, "arrays_zip")).ToArray();
        var names = call.Arguments.Select((s, i) => s is NameSyntax or FieldSyntax ? args[i].Name : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var type = SqlType.ArrayOf(SqlType.StructOf(args.Select((a, i) => new StructField(names[i], a.Type.Element ?? SqlType.Null)).ToList()));
        return new Bound(type, r =>
        {
            var values = new object?[]?[arrays.Length];
            for (var i = 0; i < arrays.Length; i++)
            {
                if ((values[i] = arrays[i](r) as object?[]) is null)
                {
                    return null;
                }
            }

            var length = values.Length == 0 ? 0 : values.Max(v => v!.Length);
            return Enumerable.Range(0, length).Select(j => (object?)values.Select(v => j < v!.Length ? v[j] : null).ToArray()).ToArray();
        }, FunctionRegistry.CallName("arrays_zip", args));
    }

    private static Bound BindSortArray(Analyzer analyzer, CallSyntax call)
    {
        var args = FunctionRegistry.Arguments(analyzer, call, 1, 2);
        var array = Array(args[0], "sort_array");
        var ascending = args.Count == 1 || Analyzer.Constant(args[1], "sort_array") is true;
        var compare = SqlOrdering.WithNulls(SqlOrdering.For(args[0].Type.Element ?? SqlType.Null), nullsFirst: true);
        Comparison<object?> order = ascending ? compare : (x, y) => compare(y, x);
        return new Bound(args[0].Type, r =>
        {
            if (array(r) is not object?[] items)
            {
                return null;
            }

            var sorted = (object?[])items.Clone();
            System.Array.Sort(sorted, order);
            return sorted;
        }, FunctionRegistry.CallName("sort_array", args));
    }
}
