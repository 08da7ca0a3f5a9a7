namespace SparkCleanlab.SparkSql;

/// <summary>
/// A resolved, typed and compiled expression, with the column name Spark would generate for
/// it. <see cref="IsLiteral"/> marks literals, which some rules treat specially (integer
/// literals next to decimals take their minimum precision).
/// </summary>
internal sealed record Bound(SqlType Type, Eval Eval, string Name, bool IsLiteral = false)
{
    /// <summary>A literal.</summary>
    public static Bound Literal(object? value, SqlType type, string name) => new(type, _ => value, name, IsLiteral: true);
}
