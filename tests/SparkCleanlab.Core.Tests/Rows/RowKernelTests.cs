using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Tests.Rows;

/// <summary>The vectorised row kernels against plain loops, for every row width around the vector size.</summary>
public class RowKernelTests
{
    public static TheoryData<int> Widths()
    {
        var data = new TheoryData<int>();
        foreach (var k in new[] { 2, 3, 4, 5, 7, 8, 9, 10, 13, 16, 31, 63, 64, 65, 100 })
        {
            data.Add(k);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ArgMaxIsTheFirstLargest(int k)
    {
        foreach (var row in Rows(k))
        {
            var expected = 0;
            for (var j = 1; j < k; j++)
            {
                if (row[j] > row[expected])
                {
                    expected = j;
                }
            }

            Assert.Equal(expected, RowMath.ArgMax(row));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void GivenWinsWithSlackMatchesTheBumpedArgMax(int k)
    {
        var random = new Random(k);
        foreach (var row in Rows(k))
        {
            var given = random.Next(k);
            var bumped = (double[])row.Clone();
            bumped[given] += RowMath.FloatingPointComparison;
            var argMax = 0;
            for (var j = 1; j < k; j++)
            {
                if (bumped[j] > bumped[argMax])
                {
                    argMax = j;
                }
            }

            Assert.Equal(argMax == given, RowMath.GivenWinsWithSlack(row, given));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ConfidentGuessFollowsTheReferenceRule(int k)
    {
        var random = new Random(k + 1);
        foreach (var row in Rows(k))
        {
            var cuts = Enumerable.Range(0, k).Select(_ => random.Next(4) / 8.0).ToArray();
            var confident = Enumerable.Range(0, k).Where(j => row[j] >= cuts[j]).ToArray();
            var expected = confident.Length switch
            {
                0 => ConfidentGuess.None,
                1 => confident[0],
                _ => Array.IndexOf(row, row.Max()),
            };
            Assert.Equal(expected, ConfidentGuess.Of(row, cuts));
        }
    }

    // Random rows with many exact ties (values on a coarse grid) and signed zeros.
    private static IEnumerable<double[]> Rows(int k)
    {
        var random = new Random(1000 + k);
        for (var r = 0; r < 300; r++)
        {
            yield return Enumerable.Range(0, k).Select(_ => random.Next(6) switch
            {
                0 => -0.0,
                1 => 0.0,
                _ => random.Next(8) / 8.0,
            }).ToArray();
        }
    }
}
