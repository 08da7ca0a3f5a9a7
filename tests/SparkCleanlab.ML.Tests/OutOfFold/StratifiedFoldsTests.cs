using SparkCleanlab.ML.OutOfFold;

namespace SparkCleanlab.ML.Tests.OutOfFold;

public class StratifiedFoldsTests
{
    [Theory]
    [InlineData(5, 3, 101)]
    [InlineData(3, 4, 50)]
    [InlineData(10, 2, 37)]
    public void EveryFoldHoldsEachClassWithinOneRowOfItsShare(int folds, int classCount, int rows)
    {
        int[] labels = Enumerable.Range(0, rows).Select(i => (i * 7) % classCount).ToArray();

        int[] foldOfRow = StratifiedFolds.Assign(labels, classCount, folds, seed: 3);

        for (int k = 0; k < classCount; k++)
        {
            int[] perFold = Enumerable.Range(0, folds).Select(f => labels.Where((l, i) => l == k && foldOfRow[i] == f).Count()).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {k}: {string.Join(",", perFold)}");
        }
    }

    [Fact]
    public void FoldSizesDifferByAtMostOne()
    {
        int[] labels = [.. Enumerable.Repeat(0, 13), .. Enumerable.Repeat(1, 7), .. Enumerable.Repeat(2, 3)];

        int[] sizes = StratifiedFolds.Assign(labels, 3, 5, seed: 0).GroupBy(f => f).Select(g => g.Count()).ToArray();

        Assert.Equal(5, sizes.Length);
        Assert.True(sizes.Max() - sizes.Min() <= 1);
    }

    [Fact]
    public void SameSeedGivesSameFoldsAndAnotherSeedShuffles()
    {
        int[] labels = Enumerable.Range(0, 200).Select(i => i % 4).ToArray();

        Assert.Equal(StratifiedFolds.Assign(labels, 4, 5, 11), StratifiedFolds.Assign(labels, 4, 5, 11));
        Assert.NotEqual(StratifiedFolds.Assign(labels, 4, 5, 11), StratifiedFolds.Assign(labels, 4, 5, 12));
    }
}
