using SparkCleanlab.Core.Rows;
using SparkCleanlab.Local.Execution;

namespace SparkCleanlab.Local.Tests.Execution;

public class RowCacheTests
{
    [Fact]
    public void KeepsPartitionsOnlyWhileTheBudgetLasts()
    {
        // One partition of 10 rows x 2 classes takes 10 * 4 + 20 * 8 = 200 bytes (0.1 is no float32, so doubles are kept).
        var labels = new int[10];
        var probabilities = Enumerable.Repeat(0.1, 20).ToArray();
        var cache = new RowCache(3, 450);
        for (var p = 0; p < 3; p++)
        {
            cache.TryKeep(p, new RowBatch(labels, probabilities, 2, 0));
        }

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryUse(2, 2, 0, _ => { }));
        long first = -1;
        Assert.True(cache.TryUse(1, 2, 20, rows => first = rows.FirstPosition));
        Assert.Equal(20, first);
    }

    [Fact]
    public void KeepsFloat32ValuesInHalfTheBytesAndGivesThemBackExactly()
    {
        // 10 * 4 + 20 * 4 = 120 bytes: three partitions fit in 450.
        var labels = new int[10];
        var probabilities = Enumerable.Range(0, 20).Select(i => (double)(i % 2 == 0 ? 0.3f : 0.7f)).ToArray();
        var cache = new RowCache(3, 450);
        for (var p = 0; p < 3; p++)
        {
            cache.TryKeep(p, new RowBatch(labels, probabilities, 2, 0));
        }

        Assert.Equal(3, cache.Count);
        Assert.Equal(360, cache.Bytes);
        double[] seen = [];
        Assert.True(cache.TryUse(2, 2, 0, rows => seen = rows.Probabilities.ToArray()));
        Assert.Equal(probabilities, seen);
    }

    [Fact]
    public void ClearLetsGoOfEveryPartition()
    {
        var cache = new RowCache(1, 1 << 20);
        cache.TryKeep(0, new RowBatch(new int[3], new double[6], 2, 0));
        cache.Clear();
        Assert.Equal(0, cache.Count);
    }
}
