using SparkCleanlab.Core;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Local.Tests.Support;

/// <summary>Runs the engine and checks its outputs against the in-memory reference on the same rows.</summary>
public static class Parity
{
    public static FindIssuesRequest Options(string input, string output, int threads, LabelIssueOptions? issues = null) =>
        new() { Inputs = [input], Output = output, Execution = new ExecutionSettings { Threads = threads }, Issues = issues ?? new LabelIssueOptions() };

    /// <summary>Asserts that the engine's outputs match the reference; <paramref name="ids"/> maps reference row i to its id.</summary>
    public static async Task AssertMatchesAsync(RunResult run, int[] labels, double[] probabilities, int k, LabelIssueOptions issues, long[] ids)
    {
        var reference = ConfidentLearning.FindLabelIssues(labels, probabilities, k, issues, InMemoryExecution.SingleThreaded);
        var found = await OutputRows.ReadAsync(Path.Combine(run.OutputPath, "issues"), k);
        var cleaned = await OutputRows.ReadAsync(Path.Combine(run.OutputPath, "cleaned"), k);

        var byRank = found.Column<long>("id").Zip(found.Column<long>("issue_rank")).OrderBy(x => x.Second).Select(x => x.First).ToArray();
        Assert.Equal(reference.RankedIssues.Select(i => ids[i]), byRank);
        Assert.Equal(Enumerable.Range(0, reference.RankedIssues.Length).Select(r => (long)r), found.Column<long>("issue_rank").Order());
        var quality = found.Column<long>("id").Zip(found.Column<double>("label_quality")).ToDictionary(x => x.First, x => x.Second);
        foreach (var i in reference.RankedIssues)
        {
            Assert.Equal(reference.LabelQuality[i], quality[ids[i]]);
        }

        var expectedCleaned = Enumerable.Range(0, labels.Length).Where(i => !reference.IsLabelIssue[i]).Select(i => ids[i]).ToHashSet();
        Assert.True(expectedCleaned.SetEquals(cleaned.Column<long>("id")));
        Assert.Equal(expectedCleaned.Count, cleaned.Count);
        Assert.Equal(reference.Estimates.Thresholds.ToArray(), run.Estimates.Thresholds.ToArray());
        Assert.Equal(reference.Estimates.ConfidentJoint.Counts, run.Estimates.ConfidentJoint.Counts);
        Assert.Equal(reference.Estimates.ConfidentJoint.Calibrated, run.Estimates.ConfidentJoint.Calibrated);
        Assert.Equal(reference.Health.OverallLabelHealthScore, run.Health.OverallLabelHealthScore);
        Assert.Equal(reference.Health.ClassesByLabelQuality, run.Health.ClassesByLabelQuality);
        Assert.Equal(reference.RankedIssues.Length, run.IssueRows);
    }
}
