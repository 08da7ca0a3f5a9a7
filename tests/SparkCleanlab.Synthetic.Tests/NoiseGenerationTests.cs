namespace SparkCleanlab.Synthetic.Tests;

public class NoiseGenerationTests
{
    [Theory]
    [InlineData(3, 2.4)]
    [InlineData(5, 3.5)]
    [InlineData(10, 7.0)]
    public void NoiseMatrixHasTheTraceAndUnitColumns(int k, double trace)
    {
        var priors = Enumerable.Repeat(1.0 / k, k).ToArray();
        var matrix = NoiseMatrixGenerator.FromTrace(k, trace, priors, fracZeroNoiseRates: 0.3, seed: 1)!;
        Assert.NotNull(matrix);
        Assert.Equal(trace, Enumerable.Range(0, k).Sum(i => matrix[i, i]), 9);
        for (var j = 0; j < k; j++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, k).Sum(i => matrix[i, j]), 9);
        }

        Assert.True(NoiseMatrixValidity.IsValid(matrix, priors));
    }

    [Fact]
    public void NoiseMatrixIsDeterministicForASeed()
    {
        var priors = new[] { 0.2, 0.3, 0.5 };
        Assert.Equal(NoiseMatrixGenerator.FromTrace(3, 2.2, priors, seed: 4), NoiseMatrixGenerator.FromTrace(3, 2.2, priors, seed: 4));
    }

    [Fact]
    public void NoisyLabelsFlipTheExpectedCountsPerClass()
    {
        var truth = Enumerable.Range(0, 1000).Select(i => i % 2).ToArray();
        var noise = new[,] { { 0.8, 0.1 }, { 0.2, 0.9 } };
        var labels = NoisyLabelGenerator.Generate(truth, noise, seed: 3);
        Assert.Equal(100, Enumerable.Range(0, 1000).Count(i => truth[i] == 0 && labels[i] == 1));
        Assert.Equal(50, Enumerable.Range(0, 1000).Count(i => truth[i] == 1 && labels[i] == 0));
        Assert.Equal(labels, NoisyLabelGenerator.Generate(truth, noise, seed: 3));
    }

    [Fact]
    public void SyntheticRowsDependOnlyOnSeedAndPosition()
    {
        var data = new SyntheticData(4, 0.2, seed: 9);
        var whole = Fill(data, 0, 200);
        var tail = Fill(data, 150, 50);
        Assert.Equal(whole.Labels[150..], tail.Labels);
        Assert.Equal(whole.Probabilities[(150 * 4)..], tail.Probabilities);
        var flipped = Enumerable.Range(0, 200).Count(i => whole.Labels[i] != whole.Truth[i]);
        Assert.InRange(flipped, 10, 80);
        for (var r = 0; r < 200; r++)
        {
            Assert.Equal(1.0, whole.Probabilities.AsSpan(r * 4, 4).ToArray().Sum(), 12);
        }
    }

    private static (int[] Truth, int[] Labels, double[] Probabilities) Fill(SyntheticData data, long first, int count)
    {
        var truth = new int[count];
        var labels = new int[count];
        var probabilities = new double[count * data.ClassCount];
        data.Fill(first, truth, labels, probabilities);
        return (truth, labels, probabilities);
    }
}
