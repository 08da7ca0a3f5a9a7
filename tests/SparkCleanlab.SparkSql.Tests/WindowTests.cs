namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class WindowTests
{
    [Fact]
    public void Ranking_functions_number_rows_within_partitions()
    {
        var frame = Sql.Frame("g int;v int", [1, 10], [1, 20], [1, 20], [1, 30], [2, 5]);
        var rows = frame.SelectExpr("g", "v",
            "row_number() OVER (PARTITION BY g ORDER BY v) AS rn",
            "rank() OVER (PARTITION BY g ORDER BY v) AS r",
            "dense_rank() OVER (PARTITION BY g ORDER BY v) AS dr",
            "sum(v) OVER (PARTITION BY g ORDER BY v) AS running",
            "count(1) OVER (PARTITION BY g) AS total").Collect()
            .OrderBy(r => r.Int32(0)).ThenBy(r => r.Int32(2)).Select(r => r.Values.ToArray()).ToList();
        Assert.Equal(new object?[] { 1, 10, 1, 1, 1, 10L, 4L }, rows[0]);
        Assert.Equal(new object?[] { 1, 20, 2, 2, 2, 50L, 4L }, rows[1]);
        Assert.Equal(new object?[] { 1, 20, 3, 2, 2, 50L, 4L }, rows[2]);
        Assert.Equal(new object?[] { 1, 30, 4, 4, 3, 80L, 4L }, rows[3]);
        Assert.Equal(new object?[] { 2, 5, 1, 1, 1, 5L, 1L }, rows[4]);
        Assert.Equal("int", frame.SelectExpr("row_number() OVER (ORDER BY v) AS rn").Schema[0].Type);
    }

    [Fact]
    public void Order_only_window_ranks_the_whole_frame()
    {
        var frame = Sql.Frame("p string", ["file:/b"], ["file:/a"], ["file:/b"]);
        var ordinals = frame.Distinct().SelectExpr("p", "(dense_rank() OVER (ORDER BY p) - 1) AS ordinal").Collect()
            .ToDictionary(r => r.String(0)!, r => r.Int32(1));
        Assert.Equal(new Dictionary<string, int> { ["file:/a"] = 0, ["file:/b"] = 1 }, ordinals);
    }

    [Fact]
    public void Descending_order_puts_nulls_last()
    {
        var frame = Sql.Frame("v int", [1], [null], [3]);
        var rows = frame.SelectExpr("v", "row_number() OVER (ORDER BY v DESC) AS rn").Collect().OrderBy(r => r.Int32(1)).ToList();
        Assert.Equal(new object?[] { 3, 1, null }, rows.Select(r => r[0]));
    }
}
