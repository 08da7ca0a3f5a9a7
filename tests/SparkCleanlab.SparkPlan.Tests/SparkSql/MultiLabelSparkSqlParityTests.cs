using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Local.MultiLabel;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Execution.MultiLabel;
using SparkCleanlab.SparkPlan.MultiLabel;
using SparkCleanlab.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// Every multi-label golden case through the Spark engine's emitted SQL, run by an executor with
/// Spark's semantics over random partitionings (two per case with the default options), against the local engine's multi-label run:
/// every output folder and every number of summary.json must be identical.
/// </summary>
[Trait("Category", "SparkSql")]
public sealed class MultiLabelSparkSqlParityTests
{
    public static TheoryData<string, string> Cases() => ParityOptionSets.Cases(MultiLabelGoldenCase.Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheSparkPlanWritesWhatTheLocalEngineWrites(string name, string options)
    {
        var golden = MultiLabelGoldenCase.Load(name);
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await MultiLabelParquet.WriteAsync(golden, input, new MultiLabelParquet.Layout());
        var request = Request(input) with { Issues = ParityOptionSets.All[options](golden.ClassCount) };
        var local = await RunLocalAsync(request with { Output = Path.Combine(root, "local") });
        var seed = name.Length + options.Length;
        var partitionings = new List<SparkSettings> { new(seed, ShufflePartitions: 1 + (seed % 5), InputSplits: 1 + (seed % 3)) };
        if (options == "default")
        {
            // A second partitioning per case; the other option sets vary it from case to case through the seed.
            partitionings.Add(new SparkSettings(seed + 1, ShufflePartitions: 4, InputSplits: 3));
        }

        foreach (var settings in partitionings)
        {
            var output = Path.Combine(root, $"spark-{settings.Seed}");
            OutputSnapshot.AssertSame(local, await RunSparkAsync(request with { Output = output }, settings));
        }
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public async Task LayoutsAndInvalidRowsMatchTheLocalEngine(bool classColumns, bool stringLabels, bool probabilityColumns)
    {
        var golden = MultiLabelGoldenCase.Load(MultiLabelGoldenCase.Names()[^1]);
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await MultiLabelParquet.WriteAsync(golden, input, new MultiLabelParquet.Layout(classColumns, stringLabels, probabilityColumns, InvalidRows: true), files: 3);
        var k = golden.ClassCount;
        var request = Request(input) with
        {
            Columns = new InputColumns
            {
                Label = "labels",
                MultiLabel = true,
                Id = "id",
                LabelColumns = classColumns ? MultiLabelParquet.MembershipColumns(k) : null,
                Classes = stringLabels ? MultiLabelParquet.Names(k) : null,
            },
            InvalidRows = InvalidRowPolicy.Quarantine,
        };
        var local = await RunLocalAsync(request with { Output = Path.Combine(root, "local") });
        Assert.NotEqual(1, local.Folders[OutputLayout.Invalid].Count);
        OutputSnapshot.AssertSame(local, await RunSparkAsync(request with { Output = Path.Combine(root, "spark") }, new SparkSettings(5, ShufflePartitions: 3, InputSplits: 2)));
    }

    [Fact]
    public async Task TheFirstInvalidRowStopsTheRunAsOnTheLocalEngine()
    {
        var golden = MultiLabelGoldenCase.Load(MultiLabelGoldenCase.Names()[0]);
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await MultiLabelParquet.WriteAsync(golden, input, new MultiLabelParquet.Layout(InvalidRows: true));
        var request = Request(input);
        var local = await Assert.ThrowsAsync<InputDataException>(() => MultiLabelEngine.RunAsync(request with { Output = Path.Combine(root, "local") }));
        var spark = await Assert.ThrowsAsync<InputDataException>(() => RunSparkAsync(request with { Output = Path.Combine(root, "spark") }, new SparkSettings(2, ShufflePartitions: 3, InputSplits: 2)));
        // Spark reads no row groups, so its message names the file and the row only.
        Assert.Equal(local.Message.Replace("row group 0, ", "", StringComparison.Ordinal), spark.Message);
    }

    [Fact]
    public async Task IfChangedSeesTheSameInputAndSettingsAsUnchanged()
    {
        var golden = MultiLabelGoldenCase.Load(MultiLabelGoldenCase.Names()[0]);
        using var temp = new TempFolder();
        var root = temp.Path;
        var input = Path.Combine(root, "input");
        await MultiLabelParquet.WriteAsync(golden, input, new MultiLabelParquet.Layout());
        var request = Request(input) with { Output = Path.Combine(root, "spark"), IfChanged = true, Overwrite = true, Engine = EngineKind.Spark };
        var settings = new SparkSettings(4, ShufflePartitions: 2, InputSplits: 2);
        await RunSparkAsync(request, settings);
        await using (var again = new MultiLabelSparkExecutor(new LocalSparkSession(settings), request))
        {
            Assert.True(await RerunCheck.IsUnchangedAsync(again, request));
        }

        var other = request with { Issues = new LabelIssueOptions { Method = FilterMethod.PruneByClass } };
        await using (var changed = new MultiLabelSparkExecutor(new LocalSparkSession(settings), other))
        {
            Assert.False(await RerunCheck.IsUnchangedAsync(changed, other));
        }
    }

    internal static FindIssuesRequest Request(string input) => new()
    {
        Inputs = [input],
        Columns = new InputColumns { Label = "labels", MultiLabel = true, Id = "id" },
    };

    internal static async Task<OutputSnapshot> RunLocalAsync(FindIssuesRequest request)
    {
        await MultiLabelEngine.RunAsync(request);
        return await OutputSnapshot.ReadAsync(request.Output);
    }

    internal static Task<OutputSnapshot> RunSparkAsync(FindIssuesRequest request, SparkSettings settings) =>
        RunSparkAsync(request, new LocalSparkSession(settings));

    internal static async Task<OutputSnapshot> RunSparkAsync(FindIssuesRequest request, ISparkSessionApi session)
    {
        var sparkRequest = request with { Engine = EngineKind.Spark };
        await using (var executor = new MultiLabelSparkExecutor(session, sparkRequest))
        {
            await new MultiLabelPlanDriver(executor).RunAsync(sparkRequest);
        }

        return await OutputSnapshot.ReadAsync(request.Output);
    }
}
