namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class CastTests
{
    [Theory]
    [InlineData("CAST(1.9D AS INT)", 1)]
    [InlineData("CAST(-1.9D AS INT)", -1)]
    [InlineData("CAST(CAST('NaN' AS DOUBLE) AS INT)", 0)]
    [InlineData("CAST(1e20 AS INT)", int.MaxValue)]
    [InlineData("CAST(-1e20 AS INT)", int.MinValue)]
    [InlineData("CAST(4294967297L AS INT)", 1)]
    [InlineData("CAST(' 12 ' AS INT)", 12)]
    [InlineData("CAST('1.9' AS INT)", 1)]
    [InlineData("CAST(true AS INT)", 1)]
    public void To_int(string expression, int expected) => Assert.Equal(expected, Sql.Value(expression));

    [Theory]
    [InlineData("CAST(1e30 AS BIGINT)", long.MaxValue)]
    [InlineData("CAST(CAST('-Infinity' AS DOUBLE) AS BIGINT)", long.MinValue)]
    [InlineData("CAST(2.5D * 4611686018427387904D AS BIGINT)", long.MaxValue)]
    public void To_bigint_saturates(string expression, long expected) => Assert.Equal(expected, Sql.Value(expression));

    [Theory]
    [InlineData("CAST('abc' AS INT)")]
    [InlineData("CAST('' AS INT)")]
    [InlineData("CAST('3000000000' AS INT)")]
    [InlineData("CAST('x' AS DOUBLE)")]
    [InlineData("CAST('maybe' AS BOOLEAN)")]
    [InlineData("CAST(1e40 AS DECIMAL(38,0))")]
    [InlineData("CAST(CAST('NaN' AS DOUBLE) AS DECIMAL(10,2))")]
    [InlineData("CAST(123.45 AS DECIMAL(4,2))")]
    public void Failures_are_null(string expression) => Assert.Null(Sql.Value(expression));

    [Theory]
    [InlineData("CAST(0.1D AS STRING)", "0.1")]
    [InlineData("CAST(1.0D AS STRING)", "1.0")]
    [InlineData("CAST(1e7 AS STRING)", "1.0E7")]
    [InlineData("CAST(1234567.0D AS STRING)", "1234567.0")]
    [InlineData("CAST(0.001D AS STRING)", "0.001")]
    [InlineData("CAST(0.0001D AS STRING)", "1.0E-4")]
    [InlineData("CAST(-1.5E-7D AS STRING)", "-1.5E-7")]
    [InlineData("CAST(CAST('NaN' AS DOUBLE) AS STRING)", "NaN")]
    [InlineData("CAST(CAST('inf' AS DOUBLE) AS STRING)", "Infinity")]
    [InlineData("CAST(-(0.0D) AS STRING)", "-0.0")]
    [InlineData("CAST(1.5 AS STRING)", "1.5")]
    [InlineData("CAST(CAST(0 AS DECIMAL(20,10)) AS STRING)", "0E-10")]
    [InlineData("CAST(CAST(12 AS DECIMAL(38,0)) AS STRING)", "12")]
    [InlineData("CAST(CAST(0.5 AS DECIMAL(10,4)) AS STRING)", "0.5000")]
    [InlineData("CAST(true AS STRING)", "true")]
    [InlineData("CAST(array(1, NULL) AS STRING)", "[1, null]")]
    [InlineData("CAST(named_struct('a', 1, 'b', 'x') AS STRING)", "{1, x}")]
    [InlineData("CAST(CAST(1.5 AS FLOAT) AS STRING)", "1.5")]
    public void To_string_prints_as_java(string expression, string expected) => Assert.Equal(expected, Sql.Value(expression));

    [Theory]
    [InlineData("CAST(' 1.5 ' AS DOUBLE)", 1.5)]
    [InlineData("CAST('1e3' AS DOUBLE)", 1000.0)]
    [InlineData("CAST('-Infinity' AS DOUBLE)", double.NegativeInfinity)]
    [InlineData("CAST(0.1 AS DOUBLE)", 0.1)]
    [InlineData("CAST(CAST(0.1 AS FLOAT) AS DOUBLE)", (double)0.1f)]
    public void To_double(string expression, double expected) => Assert.Equal(expected, Sql.Value(expression));

    [Theory]
    [InlineData("CAST('yes' AS BOOLEAN)", true)]
    [InlineData("CAST(' F ' AS BOOLEAN)", false)]
    [InlineData("CAST(0.0D AS BOOLEAN)", false)]
    [InlineData("CAST(2 AS BOOLEAN)", true)]
    public void To_boolean(string expression, bool expected) => Assert.Equal(expected, Sql.Value(expression));

    [Theory]
    [InlineData("CAST(0.125D AS DECIMAL(10,2))", "0.13")]
    [InlineData("CAST(-0.125D AS DECIMAL(10,2))", "-0.13")]
    [InlineData("CAST('1.005' AS DECIMAL(10,2))", "1.01")]
    [InlineData("CAST(12 AS DECIMAL(5,1))", "12.0")]
    public void To_decimal_rounds_half_up(string expression, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Sql.Value(expression));

    [Fact]
    public void Unsupported_cast_is_an_analysis_error() =>
        Assert.Throws<AnalysisException>(() => Sql.Value("CAST(array(1) AS INT)"));
}
