using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Tests.MultiLabel;

/// <summary>The worked examples of the reference's multilabel_scorer documentation.</summary>
public class MultiLabelScoringTests
{
    [Theory]
    [InlineData(new[] { 0.9, 0.9, 0.3 }, 0.8, 0.42)]
    [InlineData(new[] { 0.4, 0.9, 0.6 }, 0.8, 0.452)]
    [InlineData(new[] { 0.9, 0.9, 0.3 }, 0.5, 0.6)]
    [InlineData(new[] { 0.4, 0.9, 0.6 }, 0.5, 0.575)]
    [InlineData(new[] { 0.1, 0.2, 0.3 }, 0.5, 0.175)]
    public void MovingAverageFollowsTheReferenceExamples(double[] scores, double alpha, double expected) =>
        Assert.Equal(expected, ScoreAggregator.ExponentialMovingAverage(alpha).Aggregate(scores.ToArray()), 12);

    [Fact]
    public void MovingAverageWithoutAlphaUsesTwoOverKPlusOne()
    {
        // alpha = 2 / 4: the same as alpha 0.5.
        Assert.Equal(0.175, ScoreAggregator.ExponentialMovingAverage(null).Aggregate([0.1, 0.2, 0.3]), 12);
    }

    [Fact]
    public void AlphaOutsideTheUnitIntervalIsRejected() =>
        Assert.Throws<ArgumentException>(() => ScoreAggregator.ExponentialMovingAverage(1.5));

    [Fact]
    public void DefaultScorerFollowsTheReferenceExample()
    {
        // labels [[1], [0, 2]], pred_probs [[0.1, 0.9, 0.1], [0.4, 0.1, 0.9]]: scores [0.9, 0.5].
        var scorer = new MultiLabelScorer(3, RankingMethod.SelfConfidence, ScoreAggregator.Default);
        var classScores = new double[3];
        var scratch = new double[3];
        Assert.Equal(0.9, scorer.Score([0.1, 0.9, 0.1], [false, true, false], classScores, scratch), 12);
        Assert.Equal([0.9, 0.9, 0.9], classScores.Select(s => Math.Round(s, 12)));
        Assert.Equal(0.5, scorer.Score([0.4, 0.1, 0.9], [true, false, true], classScores, scratch), 12);
    }
}
