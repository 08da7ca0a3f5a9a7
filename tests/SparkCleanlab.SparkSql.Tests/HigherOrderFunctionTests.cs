namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class HigherOrderFunctionTests
{
    [Fact]
    public void Transform_with_and_without_index()
    {
        Assert.Equal(new object?[] { 2, 3 }, Sql.Value("transform(array(1, 2), x -> x + 1)"));
        Assert.Equal(new object?[] { 1, 3 }, Sql.Value("transform(array(1, 2), (x, i) -> x + i)"));
    }

    [Fact]
    public void Filter_with_and_without_index()
    {
        Assert.Equal(new object?[] { 2 }, Sql.Value("filter(array(1, 2, NULL), x -> x > 1)"));
        Assert.Equal(new object?[] { 1 }, Sql.Value("filter(array(1, 2), (x, i) -> i = 0)"));
    }

    [Fact]
    public void Aggregate_with_and_without_finish()
    {
        Assert.Equal(6L, Sql.Value("aggregate(array(1, 2, 3), 0L, (acc, x) -> acc + x)"));
        Assert.Equal(60L, Sql.Value("aggregate(array(1, 2, 3), 0L, (acc, x) -> acc + x, acc -> acc * 10)"));
        Assert.Equal(6.0, Sql.Value("reduce(array(1.0D, 2.0D, 3.0D), 0.0D, (acc, x) -> acc + x)"));
    }

    [Fact]
    public void Aggregate_requires_the_merge_to_keep_the_zero_type() =>
        Assert.Throws<AnalysisException>(() => Sql.Value("aggregate(array(1.5D), 0, (acc, x) -> acc + x)"));

    [Fact]
    public void Exists_and_forall_follow_three_valued_logic()
    {
        Assert.Equal(true, Sql.Value("exists(array(1, NULL), x -> x = 1)"));
        Assert.Null(Sql.Value("exists(array(2, NULL), x -> x = 1)"));
        Assert.Equal(false, Sql.Value("exists(array(2), x -> x = 1)"));
        Assert.Equal(false, Sql.Value("forall(array(2, NULL), x -> x = 1)"));
        Assert.Null(Sql.Value("forall(array(1, NULL), x -> x = 1)"));
        Assert.Equal(true, Sql.Value("forall(array(), x -> x = 1)"));
    }

    [Fact]
    public void Zip_with_pads_the_shorter_array()
    {
        Assert.Equal(new object?[] { 11, null }, Sql.Value("zip_with(array(1, 2), array(10), (x, y) -> x + y)"));
    }

    [Fact]
    public void Lambdas_read_columns_and_nest()
    {
        var frame = Sql.Frame("p array<double>;k int", [new object?[] { 0.2, 0.8 }, 1]);
        var row = frame.SelectExpr(
            "transform(p, (x, i) -> IF(i = k, x, 0.0D)) AS own",
            "aggregate(transform(p, x -> x * 2), 0.0D, (acc, x) -> acc + x) AS twice",
            "transform(array(1, 2), x -> transform(array(10), y -> x + y)) AS nested").Collect().Single();
        Assert.Equal(new object?[] { 0.0, 0.8 }, row[0]);
        Assert.Equal(2.0, row[1]);
        Assert.Equal(new object?[] { new object?[] { 11 }, new object?[] { 12 } }, row[2]);
    }

    [Fact]
    public void Null_arrays_give_null() => Assert.Null(Sql.Value("transform(CAST(NULL AS ARRAY<INT>), x -> x)"));
}
