namespace SparkCleanlab.SparkSql;

/// <summary>A bound sort key with Spark's NULL placement.</summary>
internal sealed record SortKey(Bound Expression, bool Descending, bool NullsFirst)
{
    /// <summary>The order of two key values.</summary>
    public Comparison<object?> Comparison
    {
        get
        {
            var compare = SqlOrdering.For(Expression.Type);
            var descending = Descending;
            var nullsFirst = NullsFirst;
            return (a, b) => a is null ? (b is null ? 0 : nullsFirst ? -1 : 1)
                : b is null ? (nullsFirst ? 1 : -1)
                : descending ? compare(b, a) : compare(a, b);
        }
    }

    /// <summary>A lexicographic order over several keys' values.</summary>
    public static Comparison<object?[]> Lexicographic(IReadOnlyList<SortKey> keys)
    {
        var comparisons = keys.Select(k => k.Comparison).ToArray();
        return (x, y) =>
        {
            for (var i = 0; i < comparisons.Length; i++)
            {
                var c = comparisons[i](x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        };
    }
}
