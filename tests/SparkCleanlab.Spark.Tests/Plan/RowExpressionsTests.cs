using SparkCleanlab.Core.Statistics;
using SparkCleanlab.SparkPlan;

namespace SparkCleanlab.Spark.Tests.Plan;

public sealed class RowExpressionsTests
{
    private readonly RowExpressions _rows = new(3);

    [Fact]
    public void SelfConfidencePicksTheLabelsColumn()
    {
        Assert.Equal("(CASE __label WHEN 0 THEN __p0 WHEN 1 THEN __p1 WHEN 2 THEN __p2 END)", _rows.SelfConfidence);
    }

    [Fact]
    public void SelfConfidenceUnitsTruncateToBigintThenSumAsDecimal()
    {
        Assert.Equal(
            $"CAST(CAST(({_rows.SelfConfidence} * 4.611686018427388E+18D) AS BIGINT) AS DECIMAL(38,0))",
            _rows.SelfConfidenceUnits);
    }

    [Fact]
    public void ArgMaxTakesTheFirstOfEqualMaxima()
    {
        Assert.Equal(
            "(CASE WHEN __p0 = greatest(__p0, __p1, __p2) THEN 0 WHEN __p1 = greatest(__p0, __p1, __p2) THEN 1 ELSE 2 END)",
            _rows.ArgMax);
    }

    [Fact]
    public void ConfidentGuessComparesWithThresholdMinusSlackComputedInDotNet()
    {
        var thresholds = new ClassThresholds([0.5, 0.25, 2.0]);

        var guess = _rows.ConfidentGuess(thresholds);

        Assert.Contains("__p0 >= 0.499999D", guess);
        Assert.Contains("__p1 >= 0.249999D", guess);
        Assert.Contains("__p2 >= 1.999999D", guess);
        Assert.StartsWith("(CASE (IF(__p0 >= 0.499999D, 1, 0) + IF(__p1 >= 0.249999D, 1, 0) + IF(__p2 >= 1.999999D, 1, 0)) WHEN 0 THEN -1", guess);
    }

    [Fact]
    public void GivenWinsWithSlackLetsEarlierClassesWinTiesAndLaterClassesNot()
    {
        var wins = _rows.GivenWinsWithSlack;

        Assert.Contains("WHEN 1 THEN (NOT (__p0 >= (__p1 + 1E-06D) OR __p2 > (__p1 + 1E-06D)))", wins);
    }

    [Fact]
    public void NormalizedMarginAddsOneThenHalves()
    {
        Assert.Equal($"((({_rows.SelfConfidence} - {_rows.MaxOther}) + 1D) / 2D)", _rows.NormalizedMargin);
    }
}
