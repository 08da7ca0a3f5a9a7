namespace SparkCleanlab.SparkSql;

/// <summary>
/// Computes window calls (windowExpressions.scala, WindowExec): rows are grouped by the
/// partition keys and sorted by the order keys; <c>row_number</c>, <c>rank</c> and
/// <c>dense_rank</c> number them, and an aggregate covers the whole partition without ORDER BY
/// or, with it, the default frame RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (all peers
/// of the current row included). The output is laid out as the exchange before the window
/// leaves it: hash-partitioned by the partition keys, or one partition without them.
/// </summary>
internal static class WindowEvaluator
{
    public static List<List<object?[]>> Evaluate(List<List<object?[]>> partitions, int inputWidth, IReadOnlyList<WindowCall> calls, Shuffle shuffle, int localCount)
    {
        var context = new RowContext(localCount);
        var rows = new List<object?[]>();
        for (var p = 0; p < partitions.Count; p++)
        {
            context.PartitionId = p;
            foreach (var row in partitions[p])
            {
                var extended = new object?[inputWidth + calls.Count];
                Array.Copy(row, extended, inputWidth);
                rows.Add(extended);
            }
        }

        var result = new List<List<object?[]>> { rows };
        for (var i = 0; i < calls.Count; i++)
        {
            result = EvaluateCall(result, calls[i], inputWidth + i, shuffle, context);
        }

        return result;
    }

    private static List<List<object?[]>> EvaluateCall(List<List<object?[]>> partitions, WindowCall call, int slot, Shuffle shuffle, RowContext context)
    {
        var keyed = new List<(object?[] Row, object?[] Partition, object?[] Order)>();
        for (var p = 0; p < partitions.Count; p++)
        {
            context.PartitionId = p;
            foreach (var row in partitions[p])
            {
                context.Row = row;
                keyed.Add((row, call.PartitionBy.Select(b => b.Eval(context)).ToArray(), call.OrderBy.Select(k => k.Expression.Eval(context)).ToArray()));
            }
        }

        var order = SortKey.Lexicographic(call.OrderBy);
        var groups = keyed.GroupBy(k => k.Partition, ValueKeyComparer.Instance).ToList();
        foreach (var group in groups)
        {
            var sorted = group.ToList();
            sorted.Sort((a, b) => order(a.Order, b.Order));
            Assign(sorted, call, slot, order, context);
        }

        if (call.PartitionBy.Count == 0)
        {
            return [groups.SelectMany(g => g.OrderBy(x => x.Order, Comparer<object?[]>.Create(order)).Select(x => x.Row)).ToList()];
        }

        var byKey = shuffle.ByHash(keyed.Select(k => k.Row), row => call.PartitionBy.Select(b =>
        {
            context.Row = row;
            return b.Eval(context);
        }).ToArray());
        return byKey.Select(partition => partition
            .GroupBy(row => Keys(call.PartitionBy, row, context), ValueKeyComparer.Instance)
            .SelectMany(g => g.OrderBy(row => Keys(call.OrderBy.Select(o => o.Expression).ToList(), row, context), Comparer<object?[]>.Create(order)))
            .ToList()).ToList();
    }

    private static object?[] Keys(IReadOnlyList<Bound> keys, object?[] row, RowContext context)
    {
        context.Row = row;
        return keys.Select(k => k.Eval(context)).ToArray();
    }

    private static void Assign(List<(object?[] Row, object?[] Partition, object?[] Order)> sorted, WindowCall call, int slot, Comparison<object?[]> order, RowContext context)
    {
        if (call.Aggregate is { } aggregate)
        {
            var state = aggregate.NewState();
            var start = 0;
            while (start < sorted.Count)
            {
                // Without ORDER BY every row is a peer of every other: the frame is the whole partition.
                var end = start + 1;
                while (end < sorted.Count && (call.OrderBy.Count == 0 || order(sorted[start].Order, sorted[end].Order) == 0))
                {
                    end++;
                }

                for (var i = start; i < end; i++)
                {
                    context.Row = sorted[i].Row;
                    state.Add(context);
                }

                var value = state.Result();
                for (var i = start; i < end; i++)
                {
                    sorted[i].Row[slot] = value is object?[] list ? list.Clone() : value;
                }

                start = end;
            }

            return;
        }

        int rank = 0, dense = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            var peer = i > 0 && order(sorted[i - 1].Order, sorted[i].Order) == 0;
            rank = peer ? rank : i + 1;
            dense = peer ? dense : dense + 1;
            sorted[i].Row[slot] = call.Function switch
            {
                "row_number" => i + 1,
                "rank" => rank,
                _ => dense,
            };
        }
    }
}
