using System.Text.RegularExpressions;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.SparkPlan.Explain;
using SparkCleanlab.SparkPlan.Tests.EndToEnd;
using SparkCleanlab.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// The explain sends what a run sends: a golden case run through the SparkSql executor and its
/// explain record the same operations and SQL, step by step, once the numbers that carry stage
/// results are set aside.
/// </summary>
[Trait("Category", "SparkSql")]
public sealed partial class ExplainTests
{
    [Theory]
    [InlineData(FilterMethod.PruneByNoiseRate, false)]
    [InlineData(FilterMethod.Both, true)]
    [InlineData(FilterMethod.LowSelfConfidence, false)]
    public async Task TheExplainRecordsTheSqlOfARunButForStageResults(FilterMethod method, bool adjust)
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await GoldenParquet.WriteAsync(golden, input);
        var request = new FindIssuesRequest
        {
            Inputs = [input],
            Output = Path.Combine(root, "out"),
            Engine = EngineKind.Spark,
            Annotated = true,
            Issues = new LabelIssueOptions { Method = method, AdjustPredProbs = adjust },
        };
        var recording = new RecordingSession(new LocalSparkSession(new SparkSettings(5, ShufflePartitions: 3, InputSplits: 2)));
        await using (var executor = new SparkExecutor(recording, request))
        {
            await new PlanDriver(executor, new PlanProgress(recording)).RunAsync(request);
        }

        var explain = await SparkExplain.RunAsync(request with { Output = Path.Combine(root, "explained") });

        var run = Steps(recording.Stages);
        var explained = Steps(explain.Stages);
        Assert.Contains(explained.Keys, k => k.StartsWith("select-", StringComparison.Ordinal));
        foreach (var (step, operations) in run)
        {
            // A run takes as many selection rounds as its data needs, each with the SQL of round 1.
            var expected = step.StartsWith("select-", StringComparison.Ordinal) ? explained[PlanStages.Select(1)] : explained[step];
            Assert.Equal(operations, expected);
        }

        Assert.Equal(run.Keys.Where(k => !k.StartsWith("select-", StringComparison.Ordinal)), explained.Keys.Where(k => !k.StartsWith("select-", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(root, "explained")));
    }

    [Fact]
    public async Task ARemoteInputNeedsTheClassCount()
    {
        var request = new FindIssuesRequest { Inputs = ["s3a://bucket/in"], Output = "s3a://bucket/out", Engine = EngineKind.Spark };

        var error = await Assert.ThrowsAsync<UsageException>(() => SparkExplain.RunAsync(request));
        Assert.Contains("--num-classes", error.Message);

        var plan = await SparkExplain.RunAsync(request with { Columns = new InputColumns { ClassCount = 4 } });
        Assert.Equal(4, plan.ClassCount);
        Assert.Contains(plan.Stages, s => s.Expressions.Any(e => e.Contains("size(`pred_probs`) <> 4", StringComparison.Ordinal)));
    }

    // Each step's DataFrame operations with their SQL, numbers and paths replaced: thresholds, cutoffs, rank
    // offsets and row counts are stage results, and the run and the explain write to different folders.
    private static Dictionary<string, List<string>> Steps(IReadOnlyList<RecordedStage> stages) =>
        stages.GroupBy(s => s.PlanStage).ToDictionary(g => g.Key, g => g
            .SelectMany(s => s.Operations)
            .Where(o => !o.OnFileSystem && o.Name != "write.mode(\"error\").parquet" && o.Name != "read.parquet")
            .Select(o => Normalise($"{o.Name} {o.Detail} {string.Join(" | ", o.Expressions)}"))
            .ToList());

    private static string Normalise(string text) => Lists().Replace(Numbers().Replace(text, "#"), "#");

    [GeneratedRegex(@"\(-?[0-9.]+(E-?[0-9]+)?D\)|-?\b[0-9][0-9.]*(E-?[0-9]+)?[DL]?\b")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"#(, #)+")]
    private static partial Regex Lists();
}
