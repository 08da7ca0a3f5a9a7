using SparkCleanlab.Core;

namespace SparkCleanlab.Tests.Scoring;

/// <summary>The ranking order: by score as <see cref="double.CompareTo(double)"/> orders, then by row index.</summary>
public class RankOrderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100_000)]
    public void FlaggedRowsComeByScoreThenIndex(int rows)
    {
        var random = new Random(rows);
        double[] special = [double.NaN, -0.0, 0.0, double.NegativeInfinity, double.PositiveInfinity, -1e-300, 1e-300, double.Epsilon, -double.Epsilon];
        var scores = new double[rows];
        var isIssue = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            isIssue[i] = random.Next(3) > 0;
            scores[i] = random.Next(10) switch
            {
                0 => special[random.Next(special.Length)],
                1 => Math.Round(random.NextDouble(), 2),
                2 => -random.NextDouble() * 1e6,
                _ => random.NextDouble(),
            };
        }

        var expected = Enumerable.Range(0, rows).Where(i => isIssue[i]).OrderBy(i => scores[i]).ThenBy(i => i).ToArray();
        Assert.Equal(expected, ConfidentLearning.Rank(isIssue, scores));
    }
}
