namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class LiteralAndArithmeticTests
{
    [Theory]
    [InlineData("1", "int")]
    [InlineData("1L", "bigint")]
    [InlineData("1S", "smallint")]
    [InlineData("1Y", "tinyint")]
    [InlineData("2147483648", "bigint")]
    [InlineData("1.5", "decimal(2,1)")]
    [InlineData("0.001", "decimal(3,3)")]
    [InlineData("1.5D", "double")]
    [InlineData("1e3", "double")]
    [InlineData("1.5E-7D", "double")]
    [InlineData("'a'", "string")]
    [InlineData("true", "boolean")]
    [InlineData("1 + 1L", "bigint")]
    [InlineData("1 + 1.5D", "double")]
    [InlineData("1 / 2", "double")]
    [InlineData("5 div 2", "bigint")]
    [InlineData("'1' + 1", "double")]
    [InlineData("1.5 + 1", "decimal(3,1)")]
    [InlineData("CAST(1 AS DECIMAL(10,2)) * CAST(1 AS DECIMAL(10,2))", "decimal(21,4)")]
    [InlineData("CAST(1 AS DECIMAL(38,0)) / CAST(3 AS DECIMAL(38,0))", "decimal(38,6)")]
    [InlineData("array(1, 2L)", "array<bigint>")]
    [InlineData("named_struct('a', 1, 'b', 'x')", "struct<a:int,b:string>")]
    [InlineData("CASE WHEN true THEN 1 ELSE 2.5D END", "double")]
    [InlineData("floor(1.5D)", "bigint")]
    [InlineData("size(array(1))", "int")]
    [InlineData("-2147483648", "int")]
    public void Types_follow_the_analyzer(string expression, string type) => Assert.Equal(type, Sql.TypeOf(expression));

    [Fact]
    public void Integer_arithmetic_wraps_on_overflow() => Assert.Equal(int.MinValue, Sql.Value("2147483647 + 1"));

    [Fact]
    public void Bigint_arithmetic_wraps_on_overflow() => Assert.Equal(long.MinValue, Sql.Value("9223372036854775807L + 1L"));

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("1.0D / 0.0D")]
    [InlineData("5 % 0")]
    [InlineData("5 div 0")]
    [InlineData("CAST(1 AS DECIMAL(10,0)) / 0")]
    public void Division_by_zero_is_null(string expression) => Assert.Null(Sql.Value(expression));

    [Fact]
    public void Integer_division_gives_a_double() => Assert.Equal(0.5, Sql.Value("1 / 2"));

    [Fact]
    public void Remainder_takes_the_sign_of_the_dividend() => Assert.Equal(-1, Sql.Value("-7 % 3"));

    [Fact]
    public void Decimal_overflow_is_null() =>
        Assert.Null(Sql.Value("CAST(99999999999999999999999999999999999999 AS DECIMAL(38,0)) + CAST(1 AS DECIMAL(38,0))"));

    [Fact]
    public void Decimal_division_rounds_half_up_to_the_result_scale()
    {
        Assert.Equal(0.33333333333m, Sql.Value("CAST(1 AS DECIMAL(10,0)) / CAST(3 AS DECIMAL(10,0))"));
        Assert.Equal("decimal(21,11)", Sql.TypeOf("CAST(2 AS DECIMAL(10,0)) / CAST(3 AS DECIMAL(10,0))"));
        Assert.Equal(0.66666666667m, Sql.Value("CAST(2 AS DECIMAL(10,0)) / CAST(3 AS DECIMAL(10,0))"));
        Assert.Equal(-0.66666666667m, Sql.Value("CAST(-2 AS DECIMAL(10,0)) / CAST(3 AS DECIMAL(10,0))"));
        Assert.Equal(2.5m, Sql.Value("CAST(10 AS DECIMAL(38,0)) / 4"));
    }

    [Fact]
    public void Decimal_remainder_and_integral_divide()
    {
        Assert.Equal(-1.5m, Sql.Value("-7.5 % 2"));
        Assert.Equal(3L, Sql.Value("7.5 div 2"));
    }

    [Fact]
    public void Decimal_addition_is_exact() => Assert.Equal(0.3m, Sql.Value("0.1 + 0.2"));

    [Fact]
    public void Double_addition_is_ieee() => Assert.Equal(0.1 + 0.2, Sql.Value("0.1D + 0.2D"));

    [Fact]
    public void Null_propagates_through_arithmetic() => Assert.Null(Sql.Value("1 + NULL"));

    [Fact]
    public void Unary_minus_of_zero_gives_negative_zero() =>
        Assert.True(double.IsNegative((double)Sql.Value("-(0.0D)")!));

    [Fact]
    public void Operators_follow_spark_precedence()
    {
        Assert.Equal(7, Sql.Value("1 + 2 * 3"));
        Assert.Equal(true, Sql.Value("NOT 1 = 2 AND 2 = 2"));
        Assert.Equal(true, Sql.Value("1 + 1 = 2 OR false AND false"));
        Assert.Equal(-5, Sql.Value("-2 - 3"));
        Assert.Equal(true, Sql.Value("2 BETWEEN 1 AND 3"));
        Assert.Equal(false, Sql.Value("2 NOT IN (1, 2)"));
        Assert.Equal(true, Sql.Value("NULL IS NULL"));
    }

    [Fact]
    public void In_is_null_when_not_found_among_nulls()
    {
        Assert.Null(Sql.Value("3 IN (1, NULL)"));
        Assert.Equal(true, Sql.Value("1 IN (1, NULL)"));
    }

    [Fact]
    public void Three_valued_logic()
    {
        Assert.Equal(false, Sql.Value("NULL AND false"));
        Assert.Null(Sql.Value("NULL AND true"));
        Assert.Equal(true, Sql.Value("NULL OR true"));
        Assert.Null(Sql.Value("NULL OR false"));
    }

    [Fact]
    public void String_literals_unescape_and_concatenate()
    {
        Assert.Equal("it's", Sql.Value("'it\\'s'"));
        Assert.Equal("ab", Sql.Value("'a' \"b\""));
        Assert.Equal("a\tb", Sql.Value("'a\\tb'"));
    }
}
