namespace SparkCleanlab.SparkSql;

/// <summary>
/// The output side of a grouping: column references must be grouping keys (read from the
/// first slots of the aggregated row) and every aggregate call takes the next slot.
/// </summary>
internal sealed class AggregationBinding(IReadOnlyList<int> keyColumns)
{
    public List<AggregateFunction> Functions { get; } = [];

    public Bound KeyReference(int columnIndex, ColumnInfo column)
    {
        var key = keyColumns.ToList().IndexOf(columnIndex);
        return key >= 0
            ? new Bound(column.Type, c => c.Row[key], column.Name)
            : throw new AnalysisException(
                $"[MISSING_AGGREGATION] The non-aggregating expression \"{column.Name}\" is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use \"any_value({column.Name})\".");
    }

    public Bound Register(Analyzer analyzer, CallSyntax call)
    {
        var function = AggregateFunctions.Create(call.Name.ToLowerInvariant(), analyzer.BindInputArguments(call.Arguments), call.Star);
        var slot = keyColumns.Count + Functions.Count;
        Functions.Add(function);
        return new Bound(function.Type, c => c.Row[slot], function.Name);
    }
}
