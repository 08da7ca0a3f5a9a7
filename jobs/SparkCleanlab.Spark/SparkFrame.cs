using System.Collections;
using Microsoft.Spark.Interop.Ipc;
using Microsoft.Spark.Sql;
using SparkCleanlab.Plan;
using static Microsoft.Spark.Sql.Functions;

namespace SparkCleanlab.Spark;

/// <summary>
/// <see cref="IFrame"/> over a Microsoft.Spark <see cref="DataFrame"/>: each operation is one
/// DataFrame call. The schema comes from the JVM as strings (<c>dtypes</c>), because the client
/// library cannot parse every type Spark 3.5 has (<c>timestamp_ntz</c>, intervals, <c>void</c>).
/// </summary>
internal sealed class SparkFrame(DataFrame frame) : IFrame
{
    /// <summary>The wrapped DataFrame.</summary>
    public DataFrame Frame => frame;

    public IReadOnlyList<FrameField> Schema =>
        ((JvmObjectReference[])frame.Reference.Invoke("dtypes"))
        .Select(t => new FrameField((string)t.Invoke("_1"), (string)t.Invoke("_2")))
        .ToList();

    public IFrame SelectExpr(params string[] expressions) => new SparkFrame(frame.SelectExpr(expressions));

    public IFrame Filter(string condition) => new SparkFrame(frame.Filter(condition));

    public IFrame GroupByAgg(IReadOnlyList<string> keys, IReadOnlyList<string> aggregations)
    {
        var grouped = frame.GroupBy(keys.Select(k => Col(k)).ToArray());
        var columns = aggregations.Select(Expr).ToArray();
        return new SparkFrame(grouped.Agg(columns[0], columns[1..]));
    }

    public IFrame Join(IFrame right, IReadOnlyList<string> on, bool broadcastRight)
    {
        var other = ((SparkFrame)right).Frame;
        return new SparkFrame(frame.Join(broadcastRight ? Broadcast(other) : other, on, "inner"));
    }

    public IFrame OrderBy(params string[] sortExpressions) => new SparkFrame(frame.OrderBy(sortExpressions.Select(Expr).ToArray()));

    public IFrame Distinct() => new SparkFrame(frame.Distinct());

    public IFrame Persist() => new SparkFrame(frame.Persist(StorageLevel.MEMORY_AND_DISK));

    public IReadOnlyList<FrameRow> Collect() => frame.Collect().Select(r => new FrameRow(r.Values.Select(Plain).ToArray())).ToList();

    public long Count() => frame.Count();

    public void WriteParquet(string path) => frame.Write().Mode(SaveMode.ErrorIfExists).Parquet(path);

    // Arrays come back as ArrayList and structs as Row; FrameRow holds both as object?[].
    private static object? Plain(object? value) => value switch
    {
        Row row => row.Values.Select(Plain).ToArray(),
        string or null => value,
        IEnumerable list => list.Cast<object?>().Select(Plain).ToArray(),
        _ => value,
    };
}
