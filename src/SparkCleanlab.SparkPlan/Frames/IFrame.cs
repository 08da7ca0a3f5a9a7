namespace SparkCleanlab.Plan;

/// <summary>
/// A Spark DataFrame as the plan drives it: the few DataFrame operations the Spark engine uses,
/// each mapping one to one onto a Microsoft.Spark call, with every per-row formula passed as
/// Spark SQL text. The Spark job implements it over <c>Microsoft.Spark.Sql.DataFrame</c>; the
/// tests implement it with an executor that evaluates the same SQL with Spark's semantics.
/// </summary>
public interface IFrame
{
    /// <summary>
    /// The columns as <c>DataFrame.dtypes</c> gives them: names and Spark SQL type strings
    /// (<c>int</c>, <c>bigint</c>, <c>double</c>, <c>string</c>, <c>array&lt;float&gt;</c>,
    /// <c>decimal(10,2)</c>, <c>timestamp_ntz</c>, <c>struct&lt;a:int&gt;</c>, ...). Types are
    /// strings so that a type the client library cannot parse never stops a run.
    /// </summary>
    IReadOnlyList<FrameField> Schema { get; }

    /// <summary><c>selectExpr</c>: one output column per SQL expression (<c>*</c>, aliases with <c>AS</c>, generators such as <c>explode</c>, window functions with <c>OVER</c>).</summary>
    IFrame SelectExpr(params string[] expressions);

    /// <summary><c>filter</c> with a SQL condition; rows where it is NULL or false are dropped.</summary>
    IFrame Filter(string condition);

    /// <summary><c>groupBy(keys).agg(aggregations)</c>: keys are column names, aggregations SQL expressions with aliases.</summary>
    IFrame GroupByAgg(IReadOnlyList<string> keys, IReadOnlyList<string> aggregations);

    /// <summary>An inner equi-join on columns of the same name (<c>join(right, on)</c>); <paramref name="broadcastRight"/> hints a small right side.</summary>
    IFrame Join(IFrame right, IReadOnlyList<string> on, bool broadcastRight);

    /// <summary><c>orderBy</c>: a global sort by SQL sort expressions (<c>x</c>, <c>x DESC</c>, <c>x ASC NULLS LAST</c>), range-partitioned.</summary>
    IFrame OrderBy(params string[] sortExpressions);

    /// <summary><c>distinct</c>.</summary>
    IFrame Distinct();

    /// <summary><c>persist(MEMORY_AND_DISK)</c>: later actions reuse the same rows and partitioning.</summary>
    IFrame Persist();

    /// <summary><c>collect</c>: every row's values in column order, as <see cref="FrameRow"/>.</summary>
    IReadOnlyList<FrameRow> Collect();

    /// <summary><c>count</c>.</summary>
    long Count();

    /// <summary><c>write.mode("error").parquet(path)</c>: one part file per partition and <c>_SUCCESS</c>.</summary>
    void WriteParquet(string path);
}
