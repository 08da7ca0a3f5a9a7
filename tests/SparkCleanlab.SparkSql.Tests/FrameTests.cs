using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class FrameTests
{
    [Fact]
    public void Star_aliases_and_case_insensitive_names()
    {
        var frame = Sql.Session().CreateFrame([new FrameField("Id", "int"), new FrameField("a.b", "string")], [[1, "x"]]).SelectExpr("*", "id + 1 AS next", "`a.b` AS ab", "ID plain", "`a.b`");
        Assert.Equal(["Id", "a.b", "next", "ab", "plain", "a.b"], frame.Schema.Select(f => f.Name));
        Assert.Equal(new object?[] { 1, "x", 2, "x", 1, "x" }, frame.Collect().Single().Values);
    }

    [Fact]
    public void Backtick_escapes_a_backtick()
    {
        var frame = Sql.Session().CreateFrame([new FrameField("a`b", "int")], [[7]]);
        Assert.Equal(7, frame.SelectExpr("`a``b` AS v").Collect().Single()[0]);
    }

    [Fact]
    public void Generated_names_follow_spark()
    {
        var frame = Sql.Frame("x int;s struct<w:int>", [1, new object?[] { 2 }]);
        Assert.Equal(["x", "w", "(x + 1)", "CAST(x AS DOUBLE)", "size(array(x))", "1.5", "1000.0", "abc", "NULL"],
            frame.SelectExpr("x", "s.w", "x + 1", "CAST(x AS DOUBLE)", "size(array(x))", "1.5", "1e3", "'abc'", "NULL").Schema.Select(f => f.Name));
    }

    [Fact]
    public void Filter_drops_null_and_false()
    {
        var frame = Sql.Frame("x int", [1], [null], [3]);
        Assert.Equal(1, frame.Filter("x > 2").Count());
        Assert.Equal(2, frame.Filter("NOT x > 2 OR x IS NULL").Count());
    }

    [Fact]
    public void Explode_and_posexplode_skip_null_and_empty_arrays()
    {
        var frame = Sql.Frame("id int;a array<int>", [1, new object?[] { 10, 20 }], [2, null], [3, Array.Empty<object?>()]);
        var exploded = frame.SelectExpr("explode(a) AS e", "id").Collect();
        Assert.Equal([new object?[] { 10, 1 }, new object?[] { 20, 1 }], exploded.Select(r => r.Values.ToArray()));
        var positioned = frame.SelectExpr("id", "posexplode(a)");
        Assert.Equal(["id", "pos", "col"], positioned.Schema.Select(f => f.Name));
        Assert.Equal(new object?[] { 1, 1, 20 }, positioned.Collect()[1].Values);
        Assert.Equal(["p", "v"], frame.SelectExpr("posexplode(a) AS (p, v)").Schema.Select(f => f.Name));
    }

    [Fact]
    public void Explode_of_filtered_structs_then_field_access()
    {
        var frame = Sql.Frame("pos bigint;x double", [7L, 0.5], [8L, 1.5]);
        var entries = frame.SelectExpr("explode(filter(array(IF(x < 1.0D, named_struct('w', 0, 'x', x), NULL), named_struct('w', 1, 'x', x)), e -> e IS NOT NULL)) AS entry", "pos")
            .SelectExpr("entry.w AS w", "entry.x AS x", "pos");
        Assert.Equal(3, entries.Count());
        var rows = entries.GroupByAgg(["w"], ["count(1) AS n", "collect_list(named_struct('key', x, 'pos', pos)) AS c"]).Collect().ToDictionary(r => r.Int32(0));
        Assert.Equal(1L, rows[0][1]);
        Assert.Equal(2L, rows[1][1]);
    }

    [Fact]
    public void Join_on_same_named_columns_puts_keys_first_and_drops_null_keys()
    {
        var left = Sql.Frame("k int;a string", [1, "x"], [2, "y"], [null, "z"]);
        var right = Sql.Frame("b string;k int", ["p", 1], ["q", 1], ["r", null]);
        foreach (var broadcast in new[] { true, false })
        {
            var joined = left.Join(right, ["k"], broadcast);
            Assert.Equal(["k", "a", "b"], joined.Schema.Select(f => f.Name));
            Assert.Equal(["p", "q"], joined.Collect().Select(r => r.String(2)).Order());
        }
    }

    [Fact]
    public void Order_by_range_partitions_sorted_rows()
    {
        var values = Enumerable.Range(0, 200).Select(i => new object?[] { (i * 37) % 50, i }).ToArray();
        var sorted = (LocalFrame)Sql.Session(seed: 3, partitions: 5).CreateFrame([new FrameField("k", "int"), new FrameField("i", "int")], values)
            .OrderBy("k DESC", "i");
        var rows = sorted.Collect();
        Assert.Equal(rows.Select(r => (r.Int32(0), r.Int32(1))).OrderByDescending(x => x.Item1).ThenBy(x => x.Item2), rows.Select(r => (r.Int32(0), r.Int32(1))));
        var withIds = sorted.SelectExpr("k", "spark_partition_id() AS part").Collect();
        Assert.Equal(withIds.Select(r => r.Int32(1)).Order(), withIds.Select(r => r.Int32(1)));
        Assert.True(sorted.PartitionCount > 1);

        // Rows with equal sort keys land in one partition, as the range partitioner's bounds place them.
        var byKey = sorted.OrderBy("k").SelectExpr("k", "spark_partition_id() AS part").Collect();
        Assert.All(byKey.GroupBy(r => r.Int32(0)), g => Assert.Single(g.Select(r => r.Int32(1)).Distinct()));
    }

    [Fact]
    public void Order_by_defaults_to_nulls_first_ascending()
    {
        var frame = Sql.Frame("v double", [1.0], [null], [double.NaN], [-1.0]);
        Assert.Equal(new object?[] { null, -1.0, 1.0, double.NaN }, frame.OrderBy("v").Collect().Select(r => r[0]));
        Assert.Equal(new object?[] { double.NaN, 1.0, -1.0, null }, frame.OrderBy("v DESC").Collect().Select(r => r[0]));
        Assert.Equal(new object?[] { -1.0, 1.0, double.NaN, null }, frame.OrderBy("v ASC NULLS LAST").Collect().Select(r => r[0]));
    }

    [Fact]
    public void Monotonically_increasing_id_encodes_partition_and_row()
    {
        var frame = (LocalFrame)Sql.Frame("x int", [1], [2], [3], [4], [5]).Persist();
        var rows = frame.SelectExpr("spark_partition_id() AS p", "monotonically_increasing_id() AS id").Collect();
        foreach (var group in rows.GroupBy(r => r.Int32(0)))
        {
            Assert.Equal(group.Select((_, i) => ((long)group.Key << 33) + i), group.Select(r => r.Int64(1)));
        }
    }

    [Fact]
    public void Errors_read_like_spark()
    {
        var frame = Sql.Frame("alpha int;beta int", [1, 2]);
        var unknown = Assert.Throws<AnalysisException>(() => frame.SelectExpr("gamma + 1"));
        Assert.Contains("UNRESOLVED_COLUMN", unknown.Message);
        Assert.Contains("`gamma`", unknown.Message);
        Assert.Contains("[`alpha`, `beta`]", unknown.Message);
        Assert.Contains("UNRESOLVED_ROUTINE", Assert.Throws<AnalysisException>(() => frame.SelectExpr("nosuch(alpha)")).Message);
        Assert.Contains("PARSE_SYNTAX_ERROR", Assert.Throws<ParseException>(() => frame.SelectExpr("alpha +")).Message);
        Assert.Contains("PARSE_SYNTAX_ERROR", Assert.Throws<ParseException>(() => frame.Filter("alpha = = 1")).Message);
        var ambiguous = Sql.Frame("a int;A int", [1, 2]);
        Assert.Contains("AMBIGUOUS_REFERENCE", Assert.Throws<AnalysisException>(() => ambiguous.SelectExpr("a")).Message);
        Assert.Throws<AnalysisException>(() => frame.Filter("alpha"));
    }
}
