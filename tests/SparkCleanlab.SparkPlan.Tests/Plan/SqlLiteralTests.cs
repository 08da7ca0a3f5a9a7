using System.Globalization;

namespace SparkCleanlab.SparkPlan.Tests.Plan;

public sealed class SqlLiteralTests
{
    [Theory]
    [InlineData(0.5, "0.5D")]
    [InlineData(1e-6, "1E-06D")]
    [InlineData(4611686018427387904.0, "4.611686018427388E+18D")]
    [InlineData(-0.25, "(-0.25D)")]
    [InlineData(double.PositiveInfinity, "CAST('Infinity' AS DOUBLE)")]
    [InlineData(double.NegativeInfinity, "CAST('-Infinity' AS DOUBLE)")]
    [InlineData(double.NaN, "CAST('NaN' AS DOUBLE)")]
    public void DoublesCarryTheDoubleSuffixSoSparkNeverReadsADecimal(double value, string expected)
    {
        Assert.Equal(expected, SqlLiteral.Double(value));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.30000000000000004)]
    [InlineData(2e-6 - 1e-6)]
    [InlineData(0.9999999999999999)]
    [InlineData(5e-324)]
    [InlineData(1.7976931348623157e308)]
    public void DoubleLiteralsReadBackToTheSameBits(double value)
    {
        // Java's Double.parseDouble and .NET's parser are both correctly rounded: the text is the contract.
        var text = SqlLiteral.Double(value).TrimEnd('D');
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NegativeZeroStaysNegativeZero()
    {
        Assert.Equal("(-0D)", SqlLiteral.Double(-0.0));
    }

    [Theory]
    [InlineData(long.MaxValue, "9223372036854775807L")]
    [InlineData(-1L, "-1L")]
    [InlineData(long.MinValue, "(-9223372036854775807L - 1L)")]
    public void LongsAreBigintLiterals(long value, string expected)
    {
        Assert.Equal(expected, SqlLiteral.Long(value));
    }

    [Fact]
    public void StringsEscapeQuotesAndBackslashes()
    {
        Assert.Equal(@"'it\'s a\\b'", SqlLiteral.String(@"it's a\b"));
    }
}
