using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Core.Tests.Scoring;

public class PairwiseSumTests
{
    /// <summary>
    /// np.sum of these 9,409 values (a 97 x 97 matrix, as a calibration total) is
    /// 22871.96147687019 with numpy 1.24: the first 8,192 summed pairwise, then the other 1,217.
    /// One pairwise tree over all of them gives 22871.961476870187.
    /// </summary>
    [Fact]
    public void SumsLongRunsBufferByBufferAsNumpyDoes()
    {
        double[] values = Enumerable.Range(0, 9409)
            .Select(i => ((i * 7919L) % 10007 + 1) / (double)((i * 104729L + 3) % 1009 + 1) / ((i * 3L) % 97 + 1))
            .ToArray();

        Assert.Equal(22871.96147687019, PairwiseSum.Of(values));
    }
}
