using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class PartitionIndependenceTests
{
    private static readonly object?[][] Rows = Enumerable.Range(0, 300)
        .Select(i => new object?[] { i % 7, new object?[] { (i % 10) / 10.0, 1 - ((i % 10) / 10.0) }, (long)i })
        .ToArray();

    private static string Run(int seed, int partitions)
    {
        var session = Sql.Session(seed, partitions);
        var input = session.CreateFrame([new FrameField("label", "int"), new FrameField("p", "array<double>"), new FrameField("pos", "bigint")], Rows);
        var scored = input.SelectExpr("label", "pos", "element_at(p, 1) AS p0", "aggregate(p, 0.0D, (acc, x) -> acc + x) AS total", "array_max(p) AS top")
            .Filter("total = 1.0D").Persist();
        var classes = scored.GroupByAgg(["label"], ["count(1) AS n", "sum(p0) AS s", "min(pos) AS first"]);
        var ranked = scored.Join(classes, ["label"], broadcastRight: true)
            .OrderBy("p0", "pos")
            .SelectExpr("label", "pos", "n", "row_number() OVER (PARTITION BY label ORDER BY p0, pos) AS rn", "dense_rank() OVER (ORDER BY label) AS dr");
        var rows = ranked.Collect().Select(r => string.Join(",", r.Values)).Order(StringComparer.Ordinal);
        var distinct = scored.SelectExpr("label").Distinct().Count();
        return $"{distinct}|{string.Join(";", rows)}";
    }

    [Fact]
    public void Results_do_not_depend_on_seed_or_partition_count()
    {
        var expected = Run(0, 1);
        foreach (var (seed, partitions) in new[] { (1, 2), (2, 5), (3, 8), (4, 3) })
        {
            Assert.Equal(expected, Run(seed, partitions));
        }
    }
}
