using SparkCleanlab.Core;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Tests.Partitioning;

/// <summary>Any partitioning of the same rows, and any merge order, gives bit-identical results.</summary>
public class PartitionInvarianceTests
{
    public static TheoryData<string, FilterMethod> CasesAndMethods()
    {
        var data = new TheoryData<string, FilterMethod>();
        foreach (var name in new[] { "synthetic_k3_n1000", "ties_k4_n2000", "missing_class_k4", "imbalanced_k5_n3000" })
        {
            foreach (var method in Enum.GetValues<FilterMethod>())
            {
                data.Add(name, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndMethods))]
    public void RandomPartitioningsGiveIdenticalReports(string name, FilterMethod method)
    {
        var c = GoldenCase.Load(name);
        var options = new LabelIssueOptions { Method = method, RankBy = RankingMethod.NormalizedMargin };
        var baseline = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, options, InMemoryExecution.SingleThreaded with { RowsPerPartition = int.MaxValue });
        var random = new Random(name.Length * 31 + (int)method);
        for (var trial = 0; trial < 12; trial++)
        {
            var execution = new InMemoryExecution { PartitionSizes = RandomSizes(c.RowCount, random), MaxDegreeOfParallelism = 1 + (trial % 3) };
            var report = ConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, options, execution);
            Assert.Equal(baseline.IsLabelIssue, report.IsLabelIssue);
            Assert.Equal(baseline.LabelQuality, report.LabelQuality);
            Assert.Equal(baseline.RankedIssues, report.RankedIssues);
            Assert.Equal(baseline.Estimates.Thresholds.ToArray(), report.Estimates.Thresholds.ToArray());
            Assert.Equal(baseline.Estimates.ConfidentJoint.Calibrated, report.Estimates.ConfidentJoint.Calibrated);
            Assert.Equal(baseline.Estimates.NumLabelIssues(), report.Estimates.NumLabelIssues());
        }
    }

    [Fact]
    public void StatesMergedInAnyOrderAreIdentical()
    {
        var c = GoldenCase.Load("synthetic_k10_n5000");
        var random = new Random(7);
        var sizes = RandomSizes(c.RowCount, random);
        var starts = new List<int>();
        var start = 0;
        foreach (var size in sizes)
        {
            starts.Add(start);
            start += size;
        }

        ClassStatistics StatsOf(int p) => Build(() => new ClassStatistics(c.ClassCount), s => s.Add(Batch(c, starts[p], sizes[p])));
        var inOrder = new ClassStatistics(c.ClassCount);
        var shuffled = new ClassStatistics(c.ClassCount);
        var order = Enumerable.Range(0, sizes.Length).ToArray();
        random.Shuffle(order);
        for (var p = 0; p < sizes.Length; p++)
        {
            inOrder.Merge(StatsOf(p));
            shuffled.Merge(StatsOf(order[p]));
        }

        Assert.Equal(inOrder.ToThresholds().ToArray(), shuffled.ToThresholds().ToArray());
        var thresholds = inOrder.ToThresholds();
        var jointInOrder = new ConfidentJointCounter(thresholds);
        var jointShuffled = new ConfidentJointCounter(thresholds);
        for (var p = 0; p < sizes.Length; p++)
        {
            jointInOrder.Merge(Build(() => new ConfidentJointCounter(thresholds), s => s.Add(Batch(c, starts[p], sizes[p]))));
            jointShuffled.Merge(Build(() => new ConfidentJointCounter(thresholds), s => s.Add(Batch(c, starts[order[p]], sizes[order[p]]))));
        }

        Assert.Equal(jointInOrder.Counts.ToArray(), jointShuffled.Counts.ToArray());
        Assert.Equal(jointInOrder.OffDiagonalIssues, jointShuffled.OffDiagonalIssues);
    }

    [Fact]
    public void ThresholdSumsDoNotDependOnSummationOrder()
    {
        // Floating-point sums would differ in the last bits between these two orders.
        var forward = new[] { 0.1, 0.9, 1e-17, 1.0 - 1e-17, 0.3333333333333333, 0.6666666666666667 };
        var backward = new[] { 0.3333333333333333, 0.6666666666666667, 1e-17, 1.0 - 1e-17, 0.1, 0.9 };
        var labels = new int[3];
        var a = new ClassStatistics(2);
        a.Add(new RowBatch(labels, forward, 2, 0));
        var b = new ClassStatistics(2);
        b.Add(new RowBatch(labels, backward, 2, 0));
        Assert.Equal(a.SelfConfidenceUnits.ToArray(), b.SelfConfidenceUnits.ToArray());
        Assert.Equal(a.ToThresholds().ToArray(), b.ToThresholds().ToArray());
    }

    private static RowBatch Batch(GoldenCase c, int start, int length) =>
        new(c.Labels.AsSpan(start, length), c.Probabilities.AsSpan(start * c.ClassCount, length * c.ClassCount), c.ClassCount, start);

    private static T Build<T>(Func<T> create, Action<T> fill)
    {
        var state = create();
        fill(state);
        return state;
    }

    // Mixes empty partitions, single-row partitions and large ones.
    private static int[] RandomSizes(int rows, Random random)
    {
        var sizes = new List<int>();
        var left = rows;
        while (left > 0)
        {
            var size = random.Next(6) switch
            {
                0 => 0,
                1 => 1,
                2 => random.Next(2, 20),
                _ => random.Next(1, Math.Max(2, rows / 3)),
            };
            size = Math.Min(size, left);
            sizes.Add(size);
            left -= size;
        }

        sizes.Insert(random.Next(sizes.Count + 1), 0);
        return sizes.ToArray();
    }
}
