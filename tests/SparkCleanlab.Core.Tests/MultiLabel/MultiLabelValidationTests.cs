using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Tests.MultiLabel;

public class MultiLabelValidationTests
{
    private static readonly int[][] Labels = [[0], [1], [0, 1], []];
    private static readonly double[] Probabilities = [0.9, 0.1, 0.2, 0.8, 0.7, 0.6, 0.1, 0.3];

    [Fact]
    public void AClassGivenInEveryRowIsRejected()
    {
        var e = Assert.Throws<InvalidInputException>(() => MultiLabelConfidentLearning.FindLabelIssues(new int[][] { [0], [0, 1], [0] }, [0.9, 0.1, 0.8, 0.7, 0.6, 0.2], 2));
        Assert.Equal(0, e.Column);
    }

    [Fact]
    public void RowsWithoutAnyLabelAreRejected() =>
        Assert.Throws<InvalidInputException>(() => MultiLabelConfidentLearning.FindLabelIssues(new int[][] { [], [] }, [0.5, 0.5, 0.5, 0.5], 2));

    [Fact]
    public void FewerThanTwoClassesAreRejected() =>
        Assert.Throws<InvalidInputException>(() => MultiLabelConfidentLearning.FindLabelIssues(new int[][] { [0], [] }, [0.5, 0.5], 1));

    [Fact]
    public void AClassNeverGivenIsAccepted()
    {
        var report = MultiLabelConfidentLearning.FindLabelIssues(new int[][] { [0], [], [0], [] }, [0.9, 0.1, 0.2, 0.8, 0.7, 0.6, 0.1, 0.3], 2);
        Assert.Equal(4, report.LabelQuality.Length);
    }

    [Theory]
    [InlineData(double.NaN, InvalidRowReason.ProbabilityNaN)]
    [InlineData(double.PositiveInfinity, InvalidRowReason.ProbabilityInfinite)]
    [InlineData(-0.01, InvalidRowReason.ProbabilityNegative)]
    [InlineData(1.01, InvalidRowReason.ProbabilityAboveOne)]
    public void TheFirstInvalidProbabilityIsReported(double value, InvalidRowReason reason)
    {
        var probabilities = Probabilities.ToArray();
        probabilities[5] = value;
        probabilities[7] = -1;
        var e = Assert.Throws<InvalidInputException>(() => MultiLabelConfidentLearning.FindLabelIssues(Labels, probabilities, 2));
        Assert.Equal((2L, 1, reason), (e.Row, e.Column, e.Reason));
    }

    [Fact]
    public void AClassOutsideTheRangeIsRejected()
    {
        var e = Assert.Throws<InvalidInputException>(() => MultiLabelConfidentLearning.FindLabelIssues(new int[][] { [0], [2] }, [0.5, 0.5, 0.5, 0.5], 2));
        Assert.Equal((1L, InvalidRowReason.LabelOutOfRange), (e.Row, e.Reason));
    }

    [Fact]
    public void OptionsTheReferenceRejectsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => MultiLabelConfidentLearning.FindLabelIssues(Labels, Probabilities, 2, new MultiLabelOptions { Method = FilterMethod.LowSelfConfidenceBatched }));
        Assert.Throws<ArgumentException>(() => MultiLabelConfidentLearning.FindLabelIssues(Labels, Probabilities, 2, new MultiLabelOptions { Method = FilterMethod.ConfidentLearning, NumToRemovePerClass = [1, 1] }));
        Assert.Throws<ArgumentException>(() => MultiLabelConfidentLearning.FindLabelIssues(Labels, Probabilities, 2, new MultiLabelOptions { NumToRemovePerClass = [1] }));
        Assert.Throws<ArgumentException>(() => MultiLabelConfidentLearning.FindLabelIssues(Labels, Probabilities, 2, new MultiLabelOptions { FracNoise = 0 }));
        Assert.Throws<ArgumentException>(() => MultiLabelConfidentLearning.FindLabelIssues(Labels, Probabilities, 2, new MultiLabelOptions { RankBy = RankingMethod.ConfidenceWeightedEntropy, AdjustPredProbs = true }));
    }
}
