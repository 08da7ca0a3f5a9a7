using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Tests.Partitioning;

/// <summary>Any partitioning and thread count of the same multi-label rows, and any merge order, gives bit-identical results.</summary>
public class MultiLabelPartitionInvarianceTests
{
    public static TheoryData<string, FilterMethod> CasesAndMethods()
    {
        var data = new TheoryData<string, FilterMethod>();
        foreach (var name in MultiLabelGoldenCase.Names())
        {
            foreach (var method in Enum.GetValues<FilterMethod>().Where(m => m != FilterMethod.LowSelfConfidenceBatched))
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
        var c = MultiLabelGoldenCase.Load(name);
        var options = new MultiLabelOptions
        {
            Method = method,
            RankBy = RankingMethod.NormalizedMargin,
            AdjustPredProbs = true,
            FracNoise = LabelIssueOptions.IsPruneMethod(method) ? 0.7 : 1.0,
        };
        var baseline = MultiLabelConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, options, InMemoryExecution.SingleThreaded with { RowsPerPartition = int.MaxValue });
        var random = new Random((name.Length * 31) + (int)method);
        for (var trial = 0; trial < 8; trial++)
        {
            var execution = new InMemoryExecution { PartitionSizes = RandomSizes(c.RowCount, random), MaxDegreeOfParallelism = 1 + (trial % 3) };
            var report = MultiLabelConfidentLearning.FindLabelIssues(c.Labels, c.Probabilities, c.ClassCount, options, execution);
            Assert.Equal(baseline.IsLabelIssue, report.IsLabelIssue);
            Assert.Equal(baseline.IsClassIssue, report.IsClassIssue);
            Assert.Equal(baseline.LabelQuality, report.LabelQuality);
            Assert.Equal(baseline.ClassLabelQuality, report.ClassLabelQuality);
            Assert.Equal(baseline.RankedIssues, report.RankedIssues);
            Assert.Equal(baseline.Estimates.ConfidentJoint(), report.Estimates.ConfidentJoint());
            Assert.Equal(baseline.Estimates.CalibratedConfidentJoint(), report.Estimates.CalibratedConfidentJoint());
            Assert.Equal(baseline.Estimates.RowsWithConfidentIssue, report.Estimates.RowsWithConfidentIssue);
            for (var k = 0; k < c.ClassCount; k++)
            {
                Assert.Equal(baseline.Estimates[k].Thresholds.ToArray(), report.Estimates[k].Thresholds.ToArray());
            }

            Assert.Equal(baseline.Health.OverallHealthScore, report.Health.OverallHealthScore);
            Assert.Equal(baseline.Health.CommonIssues, report.Health.CommonIssues);
            Assert.Equal(baseline.Health.ClassesByLabelQuality, report.Health.ClassesByLabelQuality);
        }
    }

    [Fact]
    public void StatesMergedInAnyOrderAreIdentical()
    {
        var c = MultiLabelGoldenCase.Load("multilabel_k12_n3000");
        var given = MultiLabelConfidentLearning.ToMemberships(c.Labels, c.ClassCount);
        var random = new Random(11);
        var sizes = RandomSizes(c.RowCount, random);
        var starts = new int[sizes.Length];
        for (var p = 1; p < sizes.Length; p++)
        {
            starts[p] = starts[p - 1] + sizes[p - 1];
        }

        MultiLabelBatch Batch(int p) => new(
            given.AsSpan(starts[p] * c.ClassCount, sizes[p] * c.ClassCount),
            c.Probabilities.AsSpan(starts[p] * c.ClassCount, sizes[p] * c.ClassCount),
            c.ClassCount,
            starts[p]);

        var order = Enumerable.Range(0, sizes.Length).ToArray();
        random.Shuffle(order);
        var inOrder = new MultiLabelClassStatistics(c.ClassCount);
        var shuffled = new MultiLabelClassStatistics(c.ClassCount);
        for (var p = 0; p < sizes.Length; p++)
        {
            var one = new MultiLabelClassStatistics(c.ClassCount);
            one.Add(Batch(p));
            inOrder.Merge(one);
            var other = new MultiLabelClassStatistics(c.ClassCount);
            other.Add(Batch(order[p]));
            shuffled.Merge(other);
        }

        var thresholds = inOrder.ToThresholds();
        Assert.Equal(thresholds.Select(t => t.ToArray()), shuffled.ToThresholds().Select(t => t.ToArray()));
        var jointInOrder = new MultiLabelJointCounter(thresholds);
        var jointShuffled = new MultiLabelJointCounter(thresholds);
        for (var p = 0; p < sizes.Length; p++)
        {
            var one = new MultiLabelJointCounter(thresholds);
            one.Add(Batch(p));
            jointInOrder.Merge(one);
            var other = new MultiLabelJointCounter(thresholds);
            other.Add(Batch(order[p]));
            jointShuffled.Merge(other);
        }

        Assert.Equal(jointInOrder.RowsWithConfidentIssue, jointShuffled.RowsWithConfidentIssue);
        for (var k = 0; k < c.ClassCount; k++)
        {
            Assert.Equal(jointInOrder[k].Counts.ToArray(), jointShuffled[k].Counts.ToArray());
            Assert.Equal(jointInOrder[k].OffDiagonalIssues, jointShuffled[k].OffDiagonalIssues);
        }
    }

    private static int[] RandomSizes(int rows, Random random)
    {
        var sizes = new List<int>();
        var left = rows;
        while (left > 0)
        {
            // Empty partitions and single rows are part of the mix.
            var size = Math.Min(left, random.Next(4) == 0 ? random.Next(2) : random.Next(1, 1 + (rows / 3)));
            sizes.Add(size);
            left -= size;
        }

        return sizes.ToArray();
    }
}
