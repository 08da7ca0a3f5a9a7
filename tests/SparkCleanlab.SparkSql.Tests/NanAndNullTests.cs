namespace SparkCleanlab.SparkSql.Tests;

/// <summary>Spark's "NaN Semantics" page: NaN = NaN, NaN above every double, NULLs skipped by greatest/least.</summary>
[Trait("Category", "SparkSql")]
public sealed class NanAndNullTests
{
    private const string NaN = "CAST('NaN' AS DOUBLE)";

    [Fact]
    public void Nan_equals_nan() => Assert.Equal(true, Sql.Value($"{NaN} = {NaN}"));

    [Fact]
    public void Nan_is_larger_than_infinity() => Assert.Equal(true, Sql.Value($"{NaN} > CAST('Infinity' AS DOUBLE)"));

    [Fact]
    public void Negative_zero_equals_zero() => Assert.Equal(true, Sql.Value("-(0.0D) = 0.0D"));

    [Fact]
    public void Greatest_takes_nan_and_skips_nulls()
    {
        Assert.True(double.IsNaN((double)Sql.Value($"greatest(1.0D, {NaN}, NULL)")!));
        Assert.Equal(1.0, Sql.Value($"least(1.0D, {NaN}, NULL)"));
        Assert.Equal(2L, Sql.Value("greatest(1, NULL, 2L)"));
        Assert.Null(Sql.Value("greatest(CAST(NULL AS INT), NULL)"));
    }

    [Fact]
    public void Array_max_and_min_order_nan_last()
    {
        Assert.True(double.IsNaN((double)Sql.Value($"array_max(array(1.0D, {NaN}, NULL))")!));
        Assert.Equal(1.0, Sql.Value($"array_min(array(1.0D, {NaN}, NULL))"));
    }

    [Fact]
    public void Sort_array_puts_nulls_first_and_nan_last()
    {
        var sorted = (object?[])Sql.Value($"sort_array(array(2.0D, NULL, {NaN}, -1.0D))")!;
        Assert.Null(sorted[0]);
        Assert.Equal(-1.0, sorted[1]);
        Assert.True(double.IsNaN((double)sorted[3]!));
        Assert.Equal(new object?[] { 2, 1, null }, (object?[])Sql.Value("sort_array(array(1, NULL, 2), false)")!);
    }

    [Fact]
    public void Null_safe_equality()
    {
        Assert.Equal(true, Sql.Value("NULL <=> NULL"));
        Assert.Equal(false, Sql.Value("1 <=> NULL"));
        Assert.Null(Sql.Value("1 = NULL"));
    }

    [Fact]
    public void Isnan_nanvl_coalesce()
    {
        Assert.Equal(true, Sql.Value($"isnan({NaN})"));
        Assert.Equal(false, Sql.Value("isnan(NULL)"));
        Assert.Equal(5.0, Sql.Value($"nanvl({NaN}, 5.0D)"));
        Assert.Equal(2L, Sql.Value("coalesce(NULL, 2L, 3)"));
        Assert.Equal(3, Sql.Value("nvl(NULL, 3)"));
        Assert.Equal(true, Sql.Value("isnull(NULL)"));
        Assert.Equal(false, Sql.Value("isnotnull(NULL)"));
    }
}
