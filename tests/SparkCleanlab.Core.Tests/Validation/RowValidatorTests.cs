using SparkCleanlab.Core;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Tests.Validation;

public class RowValidatorTests
{
    [Theory]
    [InlineData(new[] { double.NaN, 0.5 }, 0, InvalidRowReason.ProbabilityNaN, 0)]
    [InlineData(new[] { 0.5, double.PositiveInfinity }, 0, InvalidRowReason.ProbabilityInfinite, 1)]
    [InlineData(new[] { -0.1, 1.1 }, 0, InvalidRowReason.ProbabilityNegative, 0)]
    [InlineData(new[] { 0.3, 0.3 }, 0, InvalidRowReason.RowSumNotOne, -1)]
    [InlineData(new[] { 0.5, 0.5 }, 2, InvalidRowReason.LabelOutOfRange, -1)]
    [InlineData(new[] { 0.5, 0.5 }, -1, InvalidRowReason.LabelOutOfRange, -1)]
    [InlineData(new[] { 0.4, 0.6 }, 1, InvalidRowReason.None, -1)]
    public void ReportsTheFirstProblemOfARow(double[] row, int label, InvalidRowReason expected, int expectedColumn)
    {
        var reason = new RowValidator(2).Check(label, row, out var column);
        Assert.Equal(expected, reason);
        Assert.Equal(expectedColumn, column);
    }

    [Fact]
    public void AcceptsRowSumsWithinTheTolerance()
    {
        Assert.Equal(InvalidRowReason.None, new RowValidator(2, 1e-3).Check(0, [0.5, 0.5005], out _));
        Assert.Equal(InvalidRowReason.RowSumNotOne, new RowValidator(2, 1e-4).Check(0, [0.5, 0.5005], out _));
    }

    [Fact]
    public void FindLabelIssuesNamesTheFirstInvalidRow()
    {
        var labels = new[] { 0, 1, 0, 1 };
        var probabilities = new[] { 0.9, 0.1, 0.2, 0.8, 0.7, double.NaN, 0.3, 0.7 };
        var error = Assert.Throws<InvalidInputException>(() => ConfidentLearning.FindLabelIssues(labels, probabilities, 2));
        Assert.Equal(2, error.Row);
        Assert.Equal(1, error.Column);
        Assert.Contains("Row 2", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void TheFirstInvalidRowIsReportedWhateverThePartitioning()
    {
        const int n = 4000;
        var labels = new int[n];
        var probabilities = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            probabilities[2 * i] = 0.5;
            probabilities[(2 * i) + 1] = 0.5;
        }

        labels[3999] = 7;
        labels[2500] = 5;
        probabilities[2 * 1234] = -1;
        var execution = new InMemoryExecution { RowsPerPartition = 100, MaxDegreeOfParallelism = 4 };
        var error = Assert.Throws<InvalidInputException>(() => ConfidentLearning.FindLabelIssues(labels, probabilities, 2, execution: execution));
        Assert.Equal(1234, error.Row);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(64)]
    [InlineData(70)]
    public void EveryBadValueInAWideRowIsNamedWithItsColumn(int k)
    {
        var validator = new RowValidator(k);
        var cases = new (double Value, InvalidRowReason Reason)[]
        {
            (double.NaN, InvalidRowReason.ProbabilityNaN),
            (double.PositiveInfinity, InvalidRowReason.ProbabilityInfinite),
            (double.NegativeInfinity, InvalidRowReason.ProbabilityInfinite),
            (-1e-12, InvalidRowReason.ProbabilityNegative),
            (1.5, InvalidRowReason.ProbabilityAboveOne),
        };
        var row = Enumerable.Repeat(1.0 / k, k).ToArray();
        validator.ThrowIfInvalid(new RowBatch([k - 1], row, k, 0));
        foreach (var (value, reason) in cases)
        {
            for (var column = 0; column < k; column++)
            {
                var bad = (double[])row.Clone();
                bad[column] = value;
                var error = Assert.Throws<InvalidInputException>(() => validator.ThrowIfInvalid(new RowBatch([0, 0], [.. row, .. bad], k, 10)));
                Assert.Equal((11, column, reason), (error.Row, error.Column, error.Reason));
            }
        }

        var off = (double[])row.Clone();
        off[0] += 2e-4;
        Assert.Equal(InvalidRowReason.RowSumNotOne, Assert.Throws<InvalidInputException>(() => validator.ThrowIfInvalid(new RowBatch([0], off, k, 0))).Reason);
        Assert.Equal(InvalidRowReason.LabelOutOfRange, Assert.Throws<InvalidInputException>(() => validator.ThrowIfInvalid(new RowBatch([k], row, k, 0))).Reason);
    }

    [Fact]
    public void ThrowsWhenThereAreNoRows() =>
        Assert.Throws<InvalidInputException>(() => ConfidentLearning.FindLabelIssues([], [], 3));

    [Fact]
    public void ThrowsWhenThereAreFewerThanTwoClasses() =>
        Assert.Throws<InvalidInputException>(() => ConfidentLearning.FindLabelIssues([0, 0], [1.0, 1.0], 1));
}
