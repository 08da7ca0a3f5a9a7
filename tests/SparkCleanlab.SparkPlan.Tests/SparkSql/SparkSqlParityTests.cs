using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.SparkPlan.Tests.EndToEnd;
using SparkCleanlab.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// Every golden case through the Spark engine's emitted SQL, run by an executor with Spark's
/// semantics over random partitionings, against the local engine: every output folder and
/// every number of summary.json must be identical.
/// </summary>
[Trait("Category", "SparkSql")]
public sealed class SparkSqlParityTests
{
    public static TheoryData<string, string> Cases() => ParityOptionSets.Cases(GoldenCase.Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheSparkPlanWritesWhatTheLocalEngineWrites(string name, string options)
    {
        var golden = GoldenCase.Load(name);
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await GoldenParquet.WriteAsync(golden, input);
        var request = new FindIssuesRequest
        {
            Inputs = [input],
            Issues = ParityOptionSets.All[options](golden.ClassCount),
            Annotated = true,
            Execution = new ExecutionSettings { Threads = 2 },
        };

        var local = await RunLocalAsync(request with { Output = Path.Combine(root, "local") });
        var seed = name.Length + options.Length;
        var spark = await RunSparkAsync(request with { Output = Path.Combine(root, "spark") }, new SparkSettings(seed, ShufflePartitions: 1 + (seed % 5), InputSplits: 1 + (seed % 3)));
        OutputSnapshot.AssertSame(local, spark);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    public async Task ClassColumnsStringLabelsAndQuarantineMatchTheLocalEngine(bool classColumns, bool stringLabels, bool invalidRows)
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await GoldenParquet.WriteLayoutAsync(golden, input, classColumns, stringLabels, invalidRows);
        var request = new FindIssuesRequest
        {
            Inputs = [input],
            Columns = new InputColumns { Classes = stringLabels ? ["c0", "c1", "c2"] : null },
            InvalidRows = invalidRows ? InvalidRowPolicy.Quarantine : InvalidRowPolicy.Fail,
            Annotated = true,
        };
        var local = await RunLocalAsync(request with { Output = Path.Combine(root, "local") });
        var spark = await RunSparkAsync(request with { Output = Path.Combine(root, "spark") }, new SparkSettings(7, ShufflePartitions: 3, InputSplits: 2));
        Assert.Equal(local.Summary, spark.Summary);
        Assert.Equal(local.Folders, spark.Folders);
    }

    internal static async Task<OutputSnapshot> RunLocalAsync(FindIssuesRequest request)
    {
        await LocalEngine.RunAsync(request);
        return await OutputSnapshot.ReadAsync(request.Output);
    }

    internal static async Task<OutputSnapshot> RunSparkAsync(FindIssuesRequest request, SparkSettings settings)
    {
        await using (var executor = new SparkExecutor(new LocalSparkSession(settings), request with { Engine = EngineKind.Spark }))
        {
            await new PlanDriver(executor).RunAsync(request);
        }

        return await OutputSnapshot.ReadAsync(request.Output);
    }
}
