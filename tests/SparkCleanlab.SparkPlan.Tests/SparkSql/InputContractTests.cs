using Parquet.Schema;
using Parquet.Serialization;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// The input contract through the emitted SQL: the inputs that used to break the Spark engine
/// or make it answer differently from the local engine, each run on both engines.
/// </summary>
[Trait("Category", "SparkSql")]
public sealed class InputContractTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sparkcleanlab-contract-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly double[][] Probabilities =
    [
        [0.8, 0.1, 0.1], [0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.1, 0.1, 0.8], [0.1, 0.2, 0.7],
        [0.1, 0.8, 0.1], [0.6, 0.3, 0.1], [0.2, 0.2, 0.6], [0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.3, 0.3, 0.4],
    ];

    private static readonly int[] Labels = [0, 0, 1, 1, 2, 2, 0, 0, 2, 0, 1, 1];

    [Fact]
    public async Task TimestampNtzAndDottedColumnsPassThroughAndClassColumnsWithStringLabelsMatchTheLocalEngine()
    {
        var schema = new ParquetSchema(
            new DataField<long>("row.id"),
            new DataField<string>("my.label"),
            new DateTimeDataField("seen", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros),
            new DataField<double>("p.cat"), new DataField<double>("p.dog"), new DataField<double>("p.fox"));
        string[] names = ["cat", "dog", "fox"];
        var rows = Enumerable.Range(0, Labels.Length).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["row.id"] = (long)i,
            ["my.label"] = names[Labels[i]],
            ["seen"] = new DateTime(2024, 5, 6, 7, 8, i, DateTimeKind.Unspecified),
            ["p.cat"] = Probabilities[i][0], ["p.dog"] = Probabilities[i][1], ["p.fox"] = Probabilities[i][2],
        }).ToList();
        var input = await WriteAsync("dotted", "part-0.parquet", schema, rows);
        var request = new FindIssuesRequest
        {
            Inputs = [input],
            Columns = new InputColumns { Label = "my.label", Id = "row.id", ProbabilityColumns = ["p.cat", "p.dog", "p.fox"], Classes = names },
            Annotated = true,
        };

        await AssertSameAsync(request);
    }

    [Fact]
    public async Task QuarantinedRowsGetTheSameReasonsAndTheFirstRowSettlesK()
    {
        // K comes from the first row's list (3); a row of 4 and rows with NaN, a negative, a bad sum,
        // a null list, a label out of range and a null label are quarantined with the same texts on both engines.
        var schema = new ParquetSchema(new DataField<long>("id"), new DataField<int?>("label"), new ListField("pred_probs", new DataField<double?>("element")));
        var lists = new List<double?[]?>(Probabilities.Select(p => p.Select(x => (double?)x).ToArray()))
        {
            new double?[] { 0.25, 0.25, 0.25, 0.25 },
            new double?[] { double.NaN, 0.5, 0.5 },
            new double?[] { -0.1, 0.6, 0.5 },
            new double?[] { 0.3, 0.3, 0.3 },
            null,
            new double?[] { 0.5, 0.25, 0.25 },
            new double?[] { 0.5, 0.25, 0.25 },
        };
        int?[] labels = [.. Labels.Select(l => (int?)l), 0, 1, 2, 0, 1, 7, null];
        var rows = lists.Select((p, i) => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["id"] = (long)i,
            ["label"] = labels[i],
            ["pred_probs"] = p?.ToList(),
        }).ToList();
        var input = await WriteAsync("invalid", "part-0.parquet", schema, rows);
        var request = new FindIssuesRequest { Inputs = [input], InvalidRows = InvalidRowPolicy.Quarantine };

        var (local, spark) = await AssertSameAsync(request);
        Assert.Equal(8, local.Folders[OutputLayout.Invalid].Count);
        Assert.Equal(local.Folders[OutputLayout.Invalid], spark.Folders[OutputLayout.Invalid]);
    }

    [Fact]
    public async Task TiesBreakByTheLocalEnginesFileOrderWhateverTheFileNames()
    {
        // Equal rows in files whose names percent-encode differently: the lower position wins a tie on both engines.
        var schema = new ParquetSchema(new DataField<long>("id"), new DataField<int>("label"), new ListField("pred_probs", new DataField<double>("element")));
        string[] files = ["a b.parquet", "a%2Bb.parquet", "a+b.parquet", "a-b.parquet"];
        var id = 0L;
        foreach (var file in files)
        {
            var rows = Enumerable.Range(0, Labels.Length).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["id"] = id++,
                ["label"] = Labels[i],
                ["pred_probs"] = Probabilities[i].ToList(),
            }).ToList();
            await WriteAsync("ties", file, schema, rows);
        }

        var request = new FindIssuesRequest
        {
            Inputs = [Path.Combine(_root, "ties")],
            Issues = new Core.Filtering.LabelIssueOptions { Method = Core.Filtering.FilterMethod.LowSelfConfidence },
        };
        await AssertSameAsync(request);
    }

    [Fact]
    public async Task ACutoffInsideARunOfEqualKeysAcrossFilesAndInputsGivenOutOfPathOrderMatchTheLocalEngine()
    {
        // Identical rows in several files and inputs: the selection's cutoff falls inside a run of
        // equal keys, so positions decide, and the inputs' given order comes before path order.
        var schema = new ParquetSchema(new DataField<long>("id"), new DataField<int>("label"), new ListField("pred_probs", new DataField<double>("element")));
        var id = 0L;
        foreach (var folder in new[] { "z", "a" })
        {
            foreach (var file in new[] { "part-0.parquet", "part-1.parquet" })
            {
                var rows = Enumerable.Range(0, 10).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
                {
                    ["id"] = id++, ["label"] = i % 2, ["pred_probs"] = new List<double> { 0.4, 0.6 },
                }).ToList();
                await WriteAsync(folder, file, schema, rows);
            }
        }

        var request = new FindIssuesRequest
        {
            Inputs = [Path.Combine(_root, "z"), Path.Combine(_root, "a")],
            Issues = new Core.Filtering.LabelIssueOptions { Method = Core.Filtering.FilterMethod.PruneByClass, NumToRemovePerClass = [15, 0] },
        };
        await AssertSameAsync(request);
    }

    [Fact]
    public async Task AScheduledRerunOnSparkSkipsWhenNothingChangedAndRunsWhenAFileDid()
    {
        var schema = new ParquetSchema(new DataField<long>("id"), new DataField<int>("label"), new ListField("pred_probs", new DataField<double>("element")));
        var rows = Enumerable.Range(0, Labels.Length).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["id"] = (long)i, ["label"] = Labels[i], ["pred_probs"] = Probabilities[i].ToList(),
        }).ToList();
        var input = await WriteAsync("rerun", "part-0.parquet", schema, rows);
        var request = new FindIssuesRequest { Inputs = [input], Output = Path.Combine(_root, "rerun-out"), IfChanged = true, Overwrite = true, Engine = EngineKind.Spark };
        var session = new LocalSparkSession(new SparkSettings(1, 2, 2));

        async Task<bool> UnchangedAsync(FindIssuesRequest r)
        {
            await using var executor = new SparkExecutor(session, r);
            return await RerunCheck.IsUnchangedAsync(executor, r);
        }

        Assert.False(await UnchangedAsync(request));
        await SparkSqlParityTests.RunSparkAsync(request, session.Settings);
        Assert.True(await UnchangedAsync(request));
        Assert.False(await UnchangedAsync(request with { Issues = new Core.Filtering.LabelIssueOptions { FracNoise = 0.5 } }));
        var file = Path.Combine(input, "part-0.parquet");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(1));
        Assert.False(await UnchangedAsync(request));
    }

    [Theory]
    [InlineData("label_quality")]
    [InlineData("issue_rank")]
    [InlineData("__pos")]
    [InlineData("_metadata")]
    public async Task AnInputColumnNamedLikeAnAddedOrInternalColumnIsAUsageErrorOnBothEngines(string column)
    {
        var schema = new ParquetSchema(new DataField<int>("label"), new ListField("pred_probs", new DataField<double>("element")), new DataField<int>(column));
        var rows = Enumerable.Range(0, Labels.Length).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["label"] = Labels[i], ["pred_probs"] = Probabilities[i].ToList(), [column] = i,
        }).ToList();
        var input = await WriteAsync("taken-" + column, "part-0.parquet", schema, rows);
        var request = new FindIssuesRequest { Inputs = [input] };
        var local = await Assert.ThrowsAsync<UsageException>(() => SparkSqlParityTests.RunLocalAsync(request with { Output = Path.Combine(_root, "out-local") }));
        var spark = await Assert.ThrowsAsync<UsageException>(() => SparkSqlParityTests.RunSparkAsync(request with { Output = Path.Combine(_root, "out-spark") }, new SparkSettings()));
        Assert.Equal(local.Message, spark.Message);
        Assert.Contains(column, spark.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FloatLabelsAMissingIdColumnAndAnInputWithoutRowsAreInputErrorsOnBothEngines()
    {
        var floats = new ParquetSchema(new DataField<double>("label"), new ListField("pred_probs", new DataField<double>("element")));
        var floatInput = await WriteAsync("float", "part-0.parquet", floats, [new Dictionary<string, object?> { ["label"] = 2.7, ["pred_probs"] = new List<double> { 0.5, 0.5 } }]);
        await AssertInputErrorAsync(new FindIssuesRequest { Inputs = [floatInput] }, "label");

        var ints = new ParquetSchema(new DataField<int>("label"), new ListField("pred_probs", new DataField<double>("element")));
        var intInput = await WriteAsync("id", "part-0.parquet", ints, [new Dictionary<string, object?> { ["label"] = 0, ["pred_probs"] = new List<double> { 0.5, 0.5 } }]);
        await AssertInputErrorAsync(new FindIssuesRequest { Inputs = [intInput], Columns = new InputColumns { Id = "uid" } }, "--id-column");

        var empty = await WriteAsync("empty", "part-0.parquet", ints, []);
        await AssertInputErrorAsync(new FindIssuesRequest { Inputs = [empty] }, "no rows");
    }

    private async Task AssertInputErrorAsync(FindIssuesRequest request, string named)
    {
        var local = await Assert.ThrowsAsync<InputDataException>(() => SparkSqlParityTests.RunLocalAsync(request with { Output = Path.Combine(_root, "out-local") }));
        var spark = await Assert.ThrowsAsync<InputDataException>(() => SparkSqlParityTests.RunSparkAsync(request with { Output = Path.Combine(_root, "out-spark") }, new SparkSettings()));
        Assert.Contains(named, local.Message, StringComparison.Ordinal);
        Assert.Contains(named, spark.Message, StringComparison.Ordinal);
    }

    private async Task<(OutputSnapshot Local, OutputSnapshot Spark)> AssertSameAsync(FindIssuesRequest request)
    {
        var local = await SparkSqlParityTests.RunLocalAsync(request with { Output = Path.Combine(_root, "local") });
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var output = Path.Combine(_root, $"spark-{seed}");
            var spark = await SparkSqlParityTests.RunSparkAsync(request with { Output = output }, new SparkSettings(seed, ShufflePartitions: seed + 1, InputSplits: seed));
            Assert.Equal(local.Summary, spark.Summary);
            Assert.Equal(local.Folders.Keys, spark.Folders.Keys);
            foreach (var folder in local.Folders.Keys)
            {
                Assert.Equal(string.Join("\n", local.Folders[folder]), string.Join("\n", spark.Folders[folder]));
            }

            if (seed == 3)
            {
                return (local, spark);
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private async Task<string> WriteAsync(string folder, string file, ParquetSchema schema, IReadOnlyCollection<IDictionary<string, object?>> rows)
    {
        var path = Path.Combine(_root, folder);
        Directory.CreateDirectory(path);
        await using var stream = File.Create(Path.Combine(path, file));
        await ParquetSerializer.SerializeUntypedAsync(rows, schema, stream);
        return path;
    }
}
