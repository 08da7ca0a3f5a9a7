using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class AggregateTests
{
    private static IFrame Data() => Sql.Frame("g int;x int;d double;s string",
        [1, 1, 1.5, "a"], [1, null, 2.5, null], [2, 2147483647, double.NaN, "b"], [2, 1, 0.5, "c"], [3, null, null, null]);

    private static Dictionary<int, FrameRow> ByKey(IFrame frame) => frame.Collect().ToDictionary(r => r.Int32(0));

    [Fact]
    public void Counts_and_sums_have_spark_types_and_null_handling()
    {
        var result = Data().GroupByAgg(["g"], ["count(1) AS n", "count(*) AS star", "count(x) AS nx", "sum(x) AS sx", "sum(d) AS sd", "avg(x) AS ax"]);
        Assert.Equal(["int", "bigint", "bigint", "bigint", "bigint", "double", "double"], result.Schema.Select(f => f.Type));
        var rows = ByKey(result);
        Assert.Equal(new object?[] { 1, 2L, 2L, 1L, 1L, 4.0, 1.0 }, rows[1].Values);
        Assert.Equal(2147483648L, rows[2][4]);
        Assert.True(double.IsNaN(rows[2].Double(5)));
        Assert.Equal(new object?[] { 3, 1L, 1L, 0L, null, null, null }, rows[3].Values);
    }

    [Fact]
    public void Min_max_first_collect()
    {
        var rows = ByKey(Data().GroupByAgg(["g"], ["min(d) AS lo", "max(d) AS hi", "collect_list(s) AS all", "max_by(s, d) AS top", "min_by(s, d) AS bottom", "count_if(d > 1.0D) AS big", "bool_or(d > 2.0D) AS any2"]));
        Assert.Equal(1.5, rows[1][1]);
        Assert.Equal(2.5, rows[1][2]);
        Assert.Equal(new object?[] { "a" }, rows[1][3]);
        Assert.True(double.IsNaN(rows[2].Double(2)));
        Assert.Equal("b", rows[2][4]);
        Assert.Equal("c", rows[2][5]);
        Assert.Equal(2L, rows[1][6]);
        Assert.Equal(true, rows[1][7]);
        Assert.Equal(Array.Empty<object?>(), rows[3][3]);
        Assert.Null(rows[3][7]);
    }

    [Fact]
    public void Decimal_sum_widens_by_ten_digits_and_is_null_on_overflow()
    {
        var frame = Sql.Frame("x string", ["99999999999999999999999999999999999999"], ["1"]).SelectExpr("CAST(x AS DECIMAL(38,0)) AS x");
        Assert.Null(frame.SelectExpr("sum(x) AS s").Collect().Single()[0]);
        Assert.Equal("99999999999999999999999999999999999999", frame.Filter("x > 1").SelectExpr("CAST(sum(x) AS STRING)").Collect().Single()[0]);
        var small = Sql.Frame("x decimal(10,2)", [1.25m], [2.5m]).SelectExpr("sum(x) AS s", "avg(x) AS a");
        Assert.Equal(["decimal(20,2)", "decimal(14,6)"], small.Schema.Select(f => f.Type));
        Assert.Equal(new object?[] { 3.75m, 1.875m }, small.Collect().Single().Values);
    }

    [Fact]
    public void Sum_of_integers_wraps()
    {
        var frame = Sql.Frame("x bigint", [long.MaxValue], [1L]);
        Assert.Equal(long.MinValue, frame.SelectExpr("sum(x)").Collect().Single()[0]);
    }

    [Fact]
    public void Aggregates_over_expressions_and_keys_in_outputs()
    {
        var rows = ByKey(Data().GroupByAgg(["g"], ["CAST(sum(IF(x IS NULL, 0, 1)) AS STRING) AS present", "g * 10 + count(1) AS mixed"]));
        Assert.Equal("1", rows[1][1]);
        Assert.Equal(12L, rows[1][2]);
    }

    [Fact]
    public void Global_aggregation_gives_one_row_even_without_input()
    {
        var empty = Data().Filter("g > 10");
        var row = empty.SelectExpr("count(1) AS n", "sum(x) AS s", "collect_list(x) AS l").Collect().Single();
        Assert.Equal(new object?[] { 0L, null, Array.Empty<object?>() }, row.Values);
        Assert.Equal(2147483647, Data().SelectExpr("max(x)").Collect().Single()[0]);
        Assert.Equal("max(x)", Data().SelectExpr("max(x)").Schema[0].Name);
    }

    [Fact]
    public void Grouping_treats_nan_and_negative_zero_as_one_key()
    {
        var frame = Sql.Frame("k double", [double.NaN], [double.NaN], [0.0], [-0.0]);
        Assert.Equal(2, frame.GroupByAgg(["k"], ["count(1) AS n"]).Count());
        Assert.Equal(2, frame.Distinct().Count());
    }

    [Fact]
    public void Non_aggregated_columns_are_an_error() =>
        Assert.Throws<AnalysisException>(() => Data().GroupByAgg(["g"], ["x"]));
}
