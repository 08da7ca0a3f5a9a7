using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// An evaluated DataFrame: columns (hidden ones such as <c>_metadata</c> last and only
/// resolvable by name) and rows in partitions. Every operation runs at once, so a frame's
/// partitioning is fixed from the start and <see cref="Persist"/> has nothing left to freeze.
/// Groupings, joins, distinct and sorts exchange rows into the shuffle partitions; selects and
/// filters keep the partitioning.
/// </summary>
public sealed class LocalFrame : IFrame
{
    private readonly IReadOnlyList<ColumnInfo> _columns;
    private readonly List<List<object?[]>> _partitions;
    private readonly LocalSparkSession _session;

    internal LocalFrame(IReadOnlyList<ColumnInfo> columns, List<List<object?[]>> partitions, LocalSparkSession session)
    {
        _columns = columns;
        _partitions = partitions;
        _session = session;
    }

    /// <inheritdoc/>
    public IReadOnlyList<FrameField> Schema => Visible.Select(c => new FrameField(c.Name, c.Type.SimpleString)).ToList();

    /// <summary>The number of partitions.</summary>
    public int PartitionCount => _partitions.Count;

    private IEnumerable<ColumnInfo> Visible => _columns.Where(c => !c.Hidden);

    private Shuffle Exchange => new(_session.Settings, _session.NextRandom());

    /// <inheritdoc/>
    public IFrame SelectExpr(params string[] expressions)
    {
        var items = expressions.Select(Parser.ParseSelectItem).ToList();
        if (items.Any(SyntaxSearch.HasAggregate))
        {
            return Aggregate([], items);
        }

        var analyzer = new Analyzer(_columns) { Windows = new WindowBinding(_columns.Count) };
        var outputs = new List<(ColumnInfo Column, Eval Eval)>();
        var generatorAt = -1;
        (Eval Array, bool Positions)? generator = null;
        foreach (var item in items)
        {
            if (item is StarSyntax)
            {
                outputs.AddRange(_columns.Select((c, i) => (c, i)).Where(x => !x.c.Hidden).Select(x => (x.c, (Eval)(ctx => ctx.Row[x.i]))));
                continue;
            }

            if (SyntaxSearch.Generator(item) is var (call, names))
            {
                if (generator is not null || call.Arguments.Count != 1)
                {
                    throw new AnalysisException("[UNSUPPORTED_GENERATOR.MULTI_GENERATOR] Only one generator allowed per select clause, with one argument.");
                }

                var array = analyzer.Bind(call.Arguments[0]);
                var positions = call.Name.Equals("posexplode", StringComparison.OrdinalIgnoreCase);
                var element = array.Type.Kind == TypeKind.Array ? array.Type.Element! : throw FunctionRegistry.WrongType(call.Name, array, "\"ARRAY\"");
                var defaults = positions ? new[] { "pos", "col" } : ["col"];
                names ??= defaults;
                if (names.Count != defaults.Length)
                {
                    throw new AnalysisException($"[UDTF_ALIAS_NUMBER_MISMATCH] The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF: expected {defaults.Length}, got {names.Count}.");
                }

                generatorAt = outputs.Count;
                generator = (array.Eval, positions);
                if (positions)
                {
                    outputs.Add((new ColumnInfo(names[0], SqlType.Int), _ => null));
                }

                outputs.Add((new ColumnInfo(names[^1], element), _ => null));
                continue;
            }

            var bound = analyzer.Bind(item);
            outputs.Add((new ColumnInfo(bound.Name, bound.Type), bound.Eval));
        }

        var partitions = analyzer.Windows.Calls.Count > 0
            ? WindowEvaluator.Evaluate(_partitions, _columns.Count, analyzer.Windows.Calls, Exchange, analyzer.LocalCount)
            : _partitions;
        var context = new RowContext(analyzer.LocalCount);
        var result = new List<List<object?[]>>();
        for (var p = 0; p < partitions.Count; p++)
        {
            context.PartitionId = p;
            var rows = new List<object?[]>();
            for (var r = 0; r < partitions[p].Count; r++)
            {
                context.Row = partitions[p][r];
                context.RowInPartition = r;
                var values = new object?[outputs.Count];
                for (var i = 0; i < outputs.Count; i++)
                {
                    values[i] = outputs[i].Eval(context);
                }

                if (generator is not { } g)
                {
                    rows.Add(values);
                    continue;
                }

                // explode: no rows for a NULL or empty array; the other columns repeat.
                if (g.Array(context) is object?[] elements)
                {
                    for (var e = 0; e < elements.Length; e++)
                    {
                        var copy = (object?[])values.Clone();
                        if (g.Positions)
                        {
                            copy[generatorAt] = e;
                        }

                        copy[generatorAt + (g.Positions ? 1 : 0)] = elements[e];
                        rows.Add(copy);
                    }
                }
            }

            result.Add(rows);
        }

        return new LocalFrame(outputs.Select(o => o.Column).ToList(), result, _session);
    }

    /// <inheritdoc/>
    public IFrame Filter(string condition)
    {
        var analyzer = new Analyzer(_columns);
        var test = Analyzer.Boolean(analyzer.Bind(condition)).Eval;
        var context = new RowContext(analyzer.LocalCount);
        var result = new List<List<object?[]>>();
        for (var p = 0; p < _partitions.Count; p++)
        {
            context.PartitionId = p;
            var kept = new List<object?[]>();
            for (var r = 0; r < _partitions[p].Count; r++)
            {
                context.Row = _partitions[p][r];
                context.RowInPartition = r;
                if (test(context) is true)
                {
                    kept.Add(context.Row);
                }
            }

            result.Add(kept);
        }

        return new LocalFrame(_columns, result, _session);
    }

    /// <inheritdoc/>
    public IFrame GroupByAgg(IReadOnlyList<string> keys, IReadOnlyList<string> aggregations) =>
        Aggregate(keys, aggregations.Select(Parser.ParseSelectItem).ToList());

    /// <inheritdoc/>
    public IFrame Join(IFrame right, IReadOnlyList<string> on, bool broadcastRight)
    {
        var other = (LocalFrame)right;
        var leftKeys = on.Select(new Analyzer(_columns).ResolveColumn).ToList();
        var rightKeys = on.Select(new Analyzer(other._columns).ResolveColumn).ToList();
        for (var i = 0; i < on.Count; i++)
        {
            if (!_columns[leftKeys[i]].Type.Equals(other._columns[rightKeys[i]].Type))
            {
                throw new AnalysisException($"[UNSUPPORTED_FEATURE] The local executor joins only keys of the same type: `{on[i]}` is {_columns[leftKeys[i]].Type.Sql} and {other._columns[rightKeys[i]].Type.Sql}.");
            }
        }

        var leftRest = Enumerable.Range(0, _columns.Count).Where(i => !leftKeys.Contains(i) && !_columns[i].Hidden).ToList();
        var rightRest = Enumerable.Range(0, other._columns.Count).Where(i => !rightKeys.Contains(i) && !other._columns[i].Hidden).ToList();
        var columns = leftKeys.Select(i => _columns[i]).Concat(leftRest.Select(i => _columns[i])).Concat(rightRest.Select(i => other._columns[i])).ToList();
        var lookup = other._partitions.SelectMany(p => p)
            .Select(row => (Key: rightKeys.Select(i => row[i]).ToArray(), Row: row))
            .Where(x => x.Key.All(k => k is not null))
            .ToLookup(x => x.Key, x => x.Row, ValueKeyComparer.Instance);
        var leftPartitions = broadcastRight ? _partitions : Exchange.ByHash(_partitions.SelectMany(p => p), row => leftKeys.Select(i => row[i]).ToArray());
        var result = leftPartitions.Select(partition => partition.SelectMany(row =>
            lookup[leftKeys.Select(i => row[i]).ToArray()].Select(match =>
                leftKeys.Select(i => row[i]).Concat(leftRest.Select(i => row[i])).Concat(rightRest.Select(i => match[i])).ToArray())).ToList()).ToList();
        return new LocalFrame(columns, result, _session);
    }

    /// <inheritdoc/>
    public IFrame OrderBy(params string[] sortExpressions)
    {
        var analyzer = new Analyzer(_columns);
        var keys = sortExpressions.Select(Parser.ParseSort).Select(s => new SortKey(analyzer.Bind(s.Expression), s.Descending, s.NullsFirst)).ToList();
        var context = new RowContext(analyzer.LocalCount);
        var keyed = new List<(object?[] Row, object?[] Key)>();
        for (var p = 0; p < _partitions.Count; p++)
        {
            context.PartitionId = p;
            for (var r = 0; r < _partitions[p].Count; r++)
            {
                context.Row = _partitions[p][r];
                context.RowInPartition = r;
                keyed.Add((context.Row, keys.Select(k => k.Expression.Eval(context)).ToArray()));
            }
        }

        var order = SortKey.Lexicographic(keys);
        var sorted = keyed.OrderBy(x => x.Key, Comparer<object?[]>.Create(order)).ToList();
        var partitions = Exchange.ByRange(sorted.Select(x => x.Row).ToList(), (a, b) => order(sorted[a].Key, sorted[b].Key) == 0);
        return new LocalFrame(_columns, partitions, _session);
    }

    /// <inheritdoc/>
    public IFrame Distinct()
    {
        var visible = Enumerable.Range(0, _columns.Count).Where(i => !_columns[i].Hidden).ToList();
        var rows = _partitions.SelectMany(p => p).Select(row => visible.Select(i => row[i]).ToArray());
        var partitions = Exchange.ByHash(rows, row => row)
            .Select(p => p.Distinct(ValueKeyComparer.Instance).ToList()).ToList();
        return new LocalFrame(visible.Select(i => _columns[i]).ToList(), partitions, _session);
    }

    /// <inheritdoc/>
    public IFrame Persist() => this;

    /// <inheritdoc/>
    public IReadOnlyList<FrameRow> Collect()
    {
        var visible = Enumerable.Range(0, _columns.Count).Where(i => !_columns[i].Hidden).ToList();
        return _partitions.SelectMany(p => p)
            .Select(row => new FrameRow(visible.Select(i => ExternalValues.ToExternal(row[i], _columns[i].Type)).ToArray()))
            .ToList();
    }

    /// <inheritdoc/>
    public long Count() => _partitions.Sum(p => (long)p.Count);

    /// <inheritdoc/>
    public void WriteParquet(string path)
    {
        var visible = Enumerable.Range(0, _columns.Count).Where(i => !_columns[i].Hidden).ToList();
        ParquetOutput.Write(
            LocalPaths.ToLocal(path),
            visible.Select(i => _columns[i]).ToList(),
            _partitions.Select(p => p.Select(row => visible.Select(i => row[i]).ToArray()).ToList()).ToList());
    }

    private LocalFrame Aggregate(IReadOnlyList<string> keys, IReadOnlyList<Syntax> items)
    {
        var input = new Analyzer(_columns);
        var keyColumns = keys.Select(input.ResolveColumn).ToList();
        var binding = new AggregationBinding(keyColumns);
        var analyzer = new Analyzer(_columns) { Aggregation = binding };
        var outputs = items.Select(item => item is StarSyntax
            ? throw new AnalysisException("[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '*' in an aggregation.")
            : analyzer.Bind(item)).ToList();
        var context = new RowContext(analyzer.LocalCount);
        var functions = binding.Functions;
        List<List<object?[]>> exchanged = keys.Count == 0
            ? [_partitions.SelectMany(p => p).ToList()]
            : Exchange.ByHash(_partitions.SelectMany(p => p), row => keyColumns.Select(i => row[i]).ToArray());
        var result = new List<List<object?[]>>();
        foreach (var partition in exchanged)
        {
            var groups = new Dictionary<object?[], IAggregateState[]>(ValueKeyComparer.Instance);
            var order = new List<object?[]>();
            foreach (var row in partition)
            {
                var key = keyColumns.Select(i => row[i]).ToArray();
                if (!groups.TryGetValue(key, out var states))
                {
                    groups[key] = states = functions.Select(f => f.NewState()).ToArray();
                    order.Add(key);
                }

                context.Row = row;
                foreach (var state in states)
                {
                    state.Add(context);
                }
            }

            // A global aggregation has one row even over no input.
            if (keys.Count == 0 && order.Count == 0)
            {
                groups[[]] = functions.Select(f => f.NewState()).ToArray();
                order.Add([]);
            }

            result.Add(order.Select(key =>
            {
                context.Row = key.Concat(groups[key].Select(s => s.Result())).ToArray();
                return key.Concat(outputs.Select(o => o.Eval(context))).ToArray();
            }).ToList());
        }

        var columns = keyColumns.Select(i => _columns[i] with { Hidden = false }).Concat(outputs.Select(o => new ColumnInfo(o.Name, o.Type))).ToList();
        return new LocalFrame(columns, result, _session);
    }
}
