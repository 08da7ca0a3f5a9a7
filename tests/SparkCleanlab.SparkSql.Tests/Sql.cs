using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkSql.Tests;

/// <summary>Evaluates expressions over small frames.</summary>
internal static class Sql
{
    public static LocalSparkSession Session(int seed = 0, int partitions = 4) => new(new SparkSettings(seed, partitions, 3));

    /// <summary>A one-row frame with no meaningful columns, for constant expressions.</summary>
    public static IFrame One() => Session().CreateFrame([new FrameField("id", "int")], [[1]]);

    /// <summary>The value of a constant expression.</summary>
    public static object? Value(string expression) => One().SelectExpr(expression).Collect().Single()[0];

    /// <summary>The type of an expression.</summary>
    public static string TypeOf(string expression) => One().SelectExpr(expression).Schema.Single().Type;

    /// <summary>A frame of the given columns and rows.</summary>
    public static IFrame Frame(string schema, params object?[][] rows) =>
        Session().CreateFrame(schema.Split(';').Select(f => f.Split(' ', 2)).Select(p => new FrameField(p[0], p[1])).ToList(), rows);
}
