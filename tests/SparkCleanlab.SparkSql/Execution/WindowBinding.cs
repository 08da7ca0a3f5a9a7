namespace SparkCleanlab.SparkSql;

/// <summary>Collects the window calls of a select list; each result is read from a slot after the input columns.</summary>
internal sealed class WindowBinding(int inputWidth)
{
    public List<WindowCall> Calls { get; } = [];

    public Bound Register(Analyzer analyzer, CallSyntax call)
    {
        var name = call.Name.ToLowerInvariant();
        var window = call.Over!;
        var partitionBy = analyzer.BindInputArguments(window.PartitionBy);
        var orderBy = window.OrderBy.Select(s => new SortKey(analyzer.BindInputArguments([s.Expression])[0], s.Descending, s.NullsFirst)).ToList();
        WindowCall bound;
        if (name is "row_number" or "rank" or "dense_rank")
        {
            if (call.Arguments.Count > 0 || orderBy.Count == 0)
            {
                throw new AnalysisException($"[WINDOW_FUNCTION_WITHOUT_ORDER_BY_CLAUSE] Window function {name}() requires an OVER clause with ORDER BY and no arguments.");
            }

            bound = new WindowCall(partitionBy, orderBy, name, null, SqlType.Int);
        }
        else if (AggregateFunctions.IsAggregate(name))
        {
            var aggregate = AggregateFunctions.Create(name, analyzer.BindInputArguments(call.Arguments), call.Star);
            bound = new WindowCall(partitionBy, orderBy, name, aggregate, aggregate.Type);
        }
        else
        {
            throw new AnalysisException($"[UNSUPPORTED_EXPR_FOR_WINDOW] Expression \"{name}\" not supported within a window function.");
        }

        var slot = inputWidth + Calls.Count;
        Calls.Add(bound);
        var spec = $"{(partitionBy.Count > 0 ? "PARTITION BY " + string.Join(", ", partitionBy.Select(p => p.Name)) + " " : string.Empty)}ORDER BY {string.Join(", ", orderBy.Select(o => o.Expression.Name + (o.Descending ? " DESC" : " ASC")))}";
        return new Bound(bound.Type, c => c.Row[slot], $"{name}() OVER ({spec})");
    }
}
