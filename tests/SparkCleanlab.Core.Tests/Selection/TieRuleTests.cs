using SparkCleanlab.Core;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Tests.Selection;

public class TieRuleTests
{
    [Fact]
    public void AmongEqualKeysLowerPositionsAreSelectedFirst()
    {
        // Rows 2..7 are identical mislabeled rows; frac_noise 0.5 asks for three of them.
        var (labels, probabilities) = TiedData(tiedStart: 2, tied: 6, clean: 6);
        var options = new LabelIssueOptions { FracNoise = 0.5 };
        foreach (var sizes in new[] { new[] { labels.Length }, [1, 1, 1, 1, 1, 1, labels.Length - 6], [0, 5, 0, labels.Length - 5] })
        {
            var report = ConfidentLearning.FindLabelIssues(labels, probabilities, 2, options, new InMemoryExecution { PartitionSizes = sizes });
            var flagged = Enumerable.Range(0, labels.Length).Where(i => report.IsLabelIssue[i]).ToArray();
            Assert.Equal(new[] { 2, 3, 4 }, flagged);
        }
    }

    [Fact]
    public void CutoffSelectsBelowTheKeyAndUpToThePositionOnTheKey()
    {
        var cutoff = new SelectionCutoff(0.5, 10);
        Assert.True(cutoff.Selects(0.49, 1000));
        Assert.True(cutoff.Selects(0.5, 10));
        Assert.False(cutoff.Selects(0.5, 11));
        Assert.False(cutoff.Selects(0.51, 0));
        Assert.False(SelectionCutoff.None.Selects(-1, 0));
        Assert.True(SelectionCutoff.All.Selects(1e300, long.MaxValue));
    }

    [Fact]
    public void LargeRunsOfTiesResolveThroughPositionRounds()
    {
        // 5,000 identical mislabeled rows: the cutoff can only be found on positions.
        var (labels, probabilities) = TiedData(tiedStart: 100, tied: 5000, clean: 5000);
        var report = ConfidentLearning.FindLabelIssues(labels, probabilities, 2, new LabelIssueOptions { FracNoise = 0.5 });
        var flagged = Enumerable.Range(0, labels.Length).Where(i => report.IsLabelIssue[i]).ToArray();
        Assert.Equal(Enumerable.Range(100, 2500), flagged);
        Assert.True(report.SelectionRounds >= 2);
    }

    // Class 0: `clean` confident rows around `tied` identical rows that look like class 1;
    // class 1: `clean` rows at its own threshold.
    private static (int[] Labels, double[] Probabilities) TiedData(int tiedStart, int tied, int clean)
    {
        var labels = new List<int>();
        var probabilities = new List<double>();
        for (var i = 0; i < clean + tied; i++)
        {
            var isTied = i >= tiedStart && i < tiedStart + tied;
            labels.Add(0);
            probabilities.AddRange(isTied ? [0.25, 0.75] : [0.95, 0.05]);
        }

        for (var i = 0; i < clean; i++)
        {
            labels.Add(1);
            probabilities.AddRange([0.3, 0.7]);
        }

        return (labels.ToArray(), probabilities.ToArray());
    }
}
