using Parquet.Serialization;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.SparkPlan;
using SparkCleanlab.SparkPlan.Explain;
using SparkCleanlab.SparkPlan.Tests.EndToEnd;
using SparkCleanlab.SparkSql;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// K = 1000 through the emitted SQL for every option combination: the plan's SQL stays small
/// (no expression over 64 KB, no stage over 256 KB), in the run and in its explain with
/// worst-case stage-result literals, and the outputs equal the local engine's.
/// </summary>
[Trait("Category", "SparkSql")]
public sealed class LargeKTests
{
    private const int Classes = 1000;

    // Every method, every ranking and the adjusted scores, each at least once.
    public static TheoryData<FilterMethod, RankingMethod, bool> Options()
    {
        var data = new TheoryData<FilterMethod, RankingMethod, bool>();
        var methods = Enum.GetValues<FilterMethod>().Where(m => m != FilterMethod.LowSelfConfidenceBatched).ToArray();
        var rankings = Enum.GetValues<RankingMethod>();
        for (var i = 0; i < methods.Length; i++)
        {
            var rank = rankings[i % rankings.Length];
            data.Add(methods[i], rank, i % 2 == 1 && rank != RankingMethod.ConfidenceWeightedEntropy);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public async Task EveryExpressionStaysSmallAndTheOutputsMatchTheLocalEngine(FilterMethod method, RankingMethod rank, bool adjust)
    {
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await WriteAsync(input, rows: 200);
        var request = new FindIssuesRequest
        {
            Inputs = [input],
            Issues = new LabelIssueOptions { Method = method, RankBy = rank, AdjustPredProbs = adjust },
        };
        var local = await SparkSqlParityTests.RunLocalAsync(request with { Output = Path.Combine(root, "local") });

        var recording = new RecordingSession(new LocalSparkSession(new SparkSettings(Seed: 3, ShufflePartitions: 3, InputSplits: 2)));
        var sparkRequest = request with { Output = Path.Combine(root, "spark"), Engine = EngineKind.Spark };
        await using (var executor = new SparkExecutor(recording, sparkRequest))
        {
            await new PlanDriver(executor, new PlanProgress(recording)).RunAsync(sparkRequest);
        }

        var run = new ExplainedPlan(recording.Stages, "the run", Classes);
        var explain = await SparkExplain.RunAsync(sparkRequest with { Output = Path.Combine(root, "explain") });
        foreach (var plan in new[] { run, explain })
        {
            SqlSizeLimits.AssertWithin(plan);
        }

        Assert.True(explain.LargestStage >= run.LargestStage, $"the explain's largest stage ({explain.LargestStage:N0} bytes) is below the run's ({run.LargestStage:N0})");
        Assert.False(Directory.Exists(Path.Combine(root, "explain")));

        var spark = await OutputSnapshot.ReadAsync(sparkRequest.Output);
        Assert.Equal(local.Summary, spark.Summary);
        Assert.Equal(local.Folders, spark.Folders);
    }

    private static async Task WriteAsync(string folder, int rows)
    {
        Directory.CreateDirectory(folder);
        var data = new SyntheticData(Classes, noiseFraction: 0.2, seed: 11, modelSignal: 8.0);
        var trueLabels = new int[rows];
        var labels = new int[rows];
        var probabilities = new double[rows * Classes];
        data.Fill(0, trueLabels, labels, probabilities);
        var input = Enumerable.Range(0, rows)
            .Select(i => new GoldenParquet.InputRow { Id = i, Label = labels[i], Probabilities = probabilities.AsSpan(i * Classes, Classes).ToArray() });
        await ParquetSerializer.SerializeAsync(input, Path.Combine(folder, "part-00000.parquet"));
    }
}
