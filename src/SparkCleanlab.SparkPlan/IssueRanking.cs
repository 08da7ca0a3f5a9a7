using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// <c>issue_rank</c> (0 = worst, as the reference ranks indices) without moving the issues to one task: a range sort by
/// (score, position), then each row's index within its sorted partition
/// (<c>monotonically_increasing_id</c> holds it in its low 33 bits) plus the partition's offset,
/// from one count per partition brought to the driver. The sorted frame is persisted so the
/// counts and the written rows see the same partitions.
/// </summary>
internal static class IssueRanking
{
    /// <summary>The rank column.</summary>
    public const string Column = "__rank";

    /// <summary>The issues, sorted worst first, with <see cref="Column"/>.</summary>
    public static IFrame Rank(IFrame issues, string score, string position)
    {
        var sorted = issues.OrderBy(score, position)
            .SelectExpr("*", "spark_partition_id() AS __part", "monotonically_increasing_id() AS __id")
            .Persist();
        var counts = sorted.GroupByAgg(["__part"], ["count(1) AS n"]).Collect()
            .ToDictionary(r => r.Int32(0), r => r.Int64(1));
        var parts = counts.Count == 0 ? 0 : counts.Keys.Max() + 1;
        var offsets = new long[parts];
        long offset = 0;
        for (var p = 0; p < parts; p++)
        {
            offsets[p] = offset;
            offset += counts.GetValueOrDefault(p);
        }

        var literal = parts == 0 ? "array(0L)" : $"array({string.Join(", ", offsets.Select(SqlLiteral.Long))})";
        return sorted.SelectExpr("*", $"({literal}[__part] + (__id - (CAST(__part AS BIGINT) * 8589934592L))) AS {Column}");
    }
}
