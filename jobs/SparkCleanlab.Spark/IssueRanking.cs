using Microsoft.Spark.Sql;
using Microsoft.Spark.Sql.Types;
using SparkCleanlab.SparkPlan;
using static Microsoft.Spark.Sql.Functions;

namespace SparkCleanlab.Spark;

/// <summary>
/// issue_rank (1 = worst) over the flagged rows without moving them to one task: a range
/// sort by (label_quality, position), a row number within each sorted partition, and each
/// partition's offset from the counts of the partitions before it (one small row per partition
/// comes to the driver).
/// </summary>
internal static class IssueRanking
{
    private const string Part = "__part";
    private const string Offset = "__offset";

    /// <summary>The issues with an issue_rank column, sorted by it.</summary>
    public static DataFrame Rank(SparkSession spark, DataFrame issues)
    {
        // Persisted so the partition ids seen by the counts are the ones ranked below.
        var numbered = issues.OrderBy(Col("label_quality"), Col(PlanColumns.Position))
            .WithColumn(Part, Expr("spark_partition_id()"))
            .WithColumn("__rn", Expr($"row_number() OVER (PARTITION BY {Part} ORDER BY label_quality, {PlanColumns.Position})"))
            .Persist(StorageLevel.MEMORY_AND_DISK);

        long offset = 0;
        var offsets = new List<GenericRow>();
        foreach (var row in numbered.GroupBy(Part).Count().Collect().OrderBy(r => r.GetAs<int>(0)))
        {
            offsets.Add(new GenericRow([row.GetAs<int>(0), offset]));
            offset += Convert.ToInt64(row.Get(1));
        }

        var schema = new StructType([new StructField(Part, new IntegerType()), new StructField(Offset, new LongType())]);
        return numbered.Join(Broadcast(spark.CreateDataFrame(offsets, schema)), Part)
            .WithColumn("issue_rank", Expr($"{Offset} + __rn"))
            .Drop(Part, Offset, "__rn")
            .OrderBy(Col("issue_rank"));
    }
}
