using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Local.Tests;

public class GoldenParityTests
{
    public static TheoryData<string> Cases() => GoldenCase.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SameIssuesScoresAndSummaryAsTheInMemoryCoreForAnyPartitioningAndThreads(string name)
    {
        var golden = GoldenCase.Load(name);
        var ids = Enumerable.Range(0, golden.Labels.Length).Select(i => (long)i).ToArray();
        // The last run keeps no rows between passes, so every pass reads Parquet again.
        foreach (var (layout, files, rowGroups, threads, cacheMegabytes) in new[] { (ProbabilityLayout.ListColumn, 1, 1, 1, 512), (ProbabilityLayout.ClassColumns, 2, 1, 2, 512), (ProbabilityLayout.ListColumn, 3, 5, 4, 0) })
        {
            using var temp = new TempFolder();
            var input = await golden.WriteAsync(temp.Combine("in"), layout, files, rowGroups);
            var run = await LocalEngine.RunAsync(Parity.Options(input, temp.Combine("out"), threads) with { Execution = new ExecutionSettings { Threads = threads, RowCacheMegabytes = cacheMegabytes } });
            Assert.Equal(files * rowGroups, run.Partitions);
            await Parity.AssertMatchesAsync(run, golden.Labels, golden.Probabilities, golden.ClassCount, new LabelIssueOptions(), ids);
        }
    }

    [Theory]
    [InlineData(FilterMethod.PruneByNoiseRate)]
    [InlineData(FilterMethod.PruneByClass)]
    [InlineData(FilterMethod.Both)]
    [InlineData(FilterMethod.ConfidentLearning)]
    [InlineData(FilterMethod.PredictedNeqGiven)]
    [InlineData(FilterMethod.LowNormalizedMargin)]
    [InlineData(FilterMethod.LowSelfConfidence)]
    [InlineData(FilterMethod.LowSelfConfidenceBatched)]
    public async Task EveryMethodMatchesTheCoreOnManyPartitions(FilterMethod method)
    {
        var golden = GoldenCase.Load("synthetic_k10_n5000");
        using var temp = new TempFolder();
        var input = await golden.WriteAsync(temp.Combine("in"), ProbabilityLayout.ListColumn, 2, 7);
        var issues = new LabelIssueOptions { Method = method, RankBy = Core.Scoring.RankingMethod.NormalizedMargin };
        var run = await LocalEngine.RunAsync(Parity.Options(input, temp.Combine("out"), 3, issues));
        await Parity.AssertMatchesAsync(run, golden.Labels, golden.Probabilities, golden.ClassCount, issues, Enumerable.Range(0, golden.Labels.Length).Select(i => (long)i).ToArray());
    }
}
