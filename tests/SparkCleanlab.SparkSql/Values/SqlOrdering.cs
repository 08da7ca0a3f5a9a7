using System.Numerics;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// Spark's value ordering: <c>SQLOrderingUtil.compareDoubles</c> (equal values compare 0, so
/// -0.0 = 0.0; otherwise <c>Double.compare</c>, which puts NaN above every other value),
/// strings in UTF-8 byte order (<c>UTF8String.compareTo</c>), binary unsigned, and arrays and
/// structs element by element with NULL elements first (<c>ArrayData</c> / <c>InternalRow</c> orderings).
/// </summary>
internal static class SqlOrdering
{
    /// <summary>A comparison of two non-null values of <paramref name="type"/>.</summary>
    public static Comparison<object> For(SqlType type) => type.Kind switch
    {
        TypeKind.Double => (a, b) => CompareDoubles((double)a, (double)b),
        TypeKind.Float => (a, b) => CompareDoubles((float)a, (float)b),
        TypeKind.String => (a, b) => CompareStrings((string)a, (string)b),
        TypeKind.Binary => (a, b) => ((byte[])a).AsSpan().SequenceCompareTo((byte[])b),
        TypeKind.Decimal => (a, b) => ((BigInteger)a).CompareTo((BigInteger)b),
        TypeKind.Array => ArrayComparison(For(type.Element!)),
        TypeKind.Struct => StructComparison(type.Fields.Select(f => For(f.Type)).ToArray()),
        TypeKind.Null => (_, _) => 0,
        _ => (a, b) => ((IComparable)a).CompareTo(b),
    };

    /// <summary><c>SQLOrderingUtil.compareDoubles</c>.</summary>
    public static int CompareDoubles(double x, double y)
    {
        if (x == y)
        {
            return 0;
        }

        if (double.IsNaN(x))
        {
            return double.IsNaN(y) ? 0 : 1;
        }

        return double.IsNaN(y) || x < y ? -1 : 1;
    }

    /// <summary>UTF-8 byte order, which is code point order.</summary>
    public static int CompareStrings(string a, string b)
    {
        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var c = left.Current.Value.CompareTo(right.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    /// <summary>A comparison of possibly null values with NULL first (or last).</summary>
    public static Comparison<object?> WithNulls(Comparison<object> compare, bool nullsFirst) => (a, b) =>
        a is null ? (b is null ? 0 : nullsFirst ? -1 : 1) : b is null ? (nullsFirst ? 1 : -1) : compare(a, b);

    private static Comparison<object> ArrayComparison(Comparison<object> element)
    {
        var withNulls = WithNulls(element, nullsFirst: true);
        return (a, b) =>
        {
            var x = (object?[])a;
            var y = (object?[])b;
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                var c = withNulls(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Length.CompareTo(y.Length);
        };
    }

    private static Comparison<object> StructComparison(Comparison<object>[] fields)
    {
        var withNulls = fields.Select(f => WithNulls(f, nullsFirst: true)).ToArray();
        return (a, b) =>
        {
            var x = (object?[])a;
            var y = (object?[])b;
            for (var i = 0; i < withNulls.Length; i++)
            {
                var c = withNulls[i](x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        };
    }
}
