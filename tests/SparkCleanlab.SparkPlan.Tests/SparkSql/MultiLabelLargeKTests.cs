using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;
using SparkCleanlab.Plan;
using SparkCleanlab.SparkPlan.Explain;
using SparkCleanlab.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// K = 1000 multi-label through the emitted SQL: the plan's SQL stays small (no expression over
/// 64 KB, no stage over 256 KB) and the outputs equal the local engine's.
/// </summary>
[Trait("Category", "SparkSql")]
public sealed class MultiLabelLargeKTests
{
    private const int Classes = 1000;
    private const int Rows = 60;

    // Both per-class cutoff kinds with an adjusted score and a separate ranking, and the row-level cutoff.
    public static TheoryData<FilterMethod, RankingMethod, bool> Options() => new()
    {
        { FilterMethod.Both, RankingMethod.NormalizedMargin, true },
        { FilterMethod.LowNormalizedMargin, RankingMethod.ConfidenceWeightedEntropy, false },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public async Task EveryExpressionStaysSmallAndTheOutputsMatchTheLocalEngine(FilterMethod method, RankingMethod rank, bool adjust)
    {
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await MultiLabelParquet.WriteAsync(Generate(), input, new MultiLabelParquet.Layout(), files: 1);
        var request = MultiLabelSparkSqlParityTests.Request(input) with
        {
            Issues = new LabelIssueOptions { Method = method, RankBy = rank, AdjustPredProbs = adjust },
        };
        var local = await MultiLabelSparkSqlParityTests.RunLocalAsync(request with { Output = Path.Combine(root, "local") });

        var recording = new RecordingSession(new LocalSparkSession(new SparkSettings(Seed: 3, ShufflePartitions: 3, InputSplits: 2)));
        var spark = await MultiLabelSparkSqlParityTests.RunSparkAsync(request with { Output = Path.Combine(root, "spark") }, recording);

        var plan = new ExplainedPlan(recording.Stages, "the run", Classes);
        SqlSizeLimits.AssertWithin(plan);
        Assert.Equal(local.Summary, spark.Summary);
        Assert.Equal(local.Folders, spark.Folders);
    }

    // Every class given in a few rows (never in all), a model that mostly agrees, and some flipped memberships.
    private static MultiLabelGoldenCase Generate()
    {
        var random = new Random(17);
        var labels = new int[Rows][];
        var probabilities = new double[Rows * Classes];
        for (var i = 0; i < Rows; i++)
        {
            var given = new HashSet<int>();
            for (var c = 0; c < Classes; c++)
            {
                var member = c % Rows == i || random.NextDouble() < 0.004;
                var believed = random.NextDouble() < 0.1 ? !member : member;
                probabilities[(i * Classes) + c] = believed ? 0.55 + (0.45 * random.NextDouble()) : 0.4 * random.NextDouble();
                if (member)
                {
                    given.Add(c);
                }
            }

            labels[i] = given.Order().ToArray();
        }

        return MultiLabelGoldenCase.Create("k1000", labels, probabilities, Classes);
    }
}
