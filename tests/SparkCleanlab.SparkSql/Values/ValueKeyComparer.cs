namespace SparkCleanlab.SparkSql;

/// <summary>
/// Equality of grouping, join and distinct keys: structural over arrays and structs, with NaN
/// equal to NaN and -0.0 equal to 0.0 as Spark's <c>NormalizeFloatingNumbers</c> makes them
/// (.NET's double equality and hash already treat them so).
/// </summary>
internal sealed class ValueKeyComparer : IEqualityComparer<object?[]>
{
    public static ValueKeyComparer Instance { get; } = new();

    public bool Equals(object?[]? x, object?[]? y) => ValueEquals(x, y);

    public int GetHashCode(object?[] obj) => ValueHash(obj);

    private static bool ValueEquals(object? x, object? y) => (x, y) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (object?[] a, object?[] b) => a.Length == b.Length && a.Zip(b).All(p => ValueEquals(p.First, p.Second)),
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        _ => x.Equals(y),
    };

    private static int ValueHash(object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case object?[] items:
                var hash = new HashCode();
                foreach (var item in items)
                {
                    hash.Add(ValueHash(item));
                }

                return hash.ToHashCode();
            case byte[] bytes:
                var bytesHash = new HashCode();
                bytesHash.AddBytes(bytes);
                return bytesHash.ToHashCode();
            default:
                return value.GetHashCode();
        }
    }
}
