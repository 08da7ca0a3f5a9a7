using SparkCleanlab.Plan;
using Parquet.Serialization;
using SparkCleanlab.Core;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.InMemory;
using SparkCleanlab.Local.Output;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Tests;

public class IssueOrderTests
{
    public static TheoryData<string> Cases() => GoldenCase.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IssuesReadInFileOrderAreTheCoreRankingWorstFirst(string name)
    {
        var golden = GoldenCase.Load(name);
        using var temp = new TempFolder();
        var input = await golden.WriteAsync(temp.Combine("in"), ProbabilityLayout.ListColumn, 3, 7);
        var run = await LocalEngine.RunAsync(Parity.Options(input, temp.Combine("out"), 4));
        // 3 files x 7 row groups, or a row per row group for a case of fewer rows.
        Assert.Equal(Math.Min(21, golden.RowCount), run.Partitions);

        var reference = ConfidentLearning.FindLabelIssues(golden.Labels, golden.Probabilities, golden.ClassCount, new LabelIssueOptions(), InMemoryExecution.SingleThreaded);
        var issues = await RichRows.ReadAsync<IssueRow>(temp.Combine("out", "issues"));
        Assert.Equal(Enumerable.Range(0, reference.RankedIssues.Length).Select(r => (long)r), issues.Select(i => i.Rank));
        Assert.Equal(reference.RankedIssues.Select(i => (long)i), issues.Select(i => i.Id));
        Assert.DoesNotContain(OutputFolders.Spill, Directory.GetDirectories(temp.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task StringAndListColumnsSurviveTheMergeAndEveryRowLandsOnce()
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        using var temp = new TempFolder();
        var rows = Enumerable.Range(0, golden.RowCount).Select(i => RichRows.Make(golden, i)).ToList();
        int[] bad = [7, 500, 998];
        foreach (var b in bad)
        {
            rows[b].Probabilities[0] = double.NaN;
        }

        await RichRows.WriteAsync(rows, temp.Combine("in"), 4, 37);
        var options = Parity.Options(temp.Combine("in"), temp.Combine("out"), 3) with { InvalidRows = InvalidRowPolicy.Quarantine };
        var run = await LocalEngine.RunAsync(options);
        Assert.Equal(28, run.Partitions);

        var issues = await RichRows.ReadAsync<RichRows.OutputRow>(temp.Combine("out", "issues"));
        var cleaned = await RichRows.ReadAsync<RichRows.Row>(temp.Combine("out", "cleaned"));
        var invalid = await RichRows.ReadAsync<RichRows.Row>(temp.Combine("out", "invalid"));
        var written = await RichRows.ReadAsync<RichRows.Row>(temp.Combine("in"));
        Assert.Equal(Enumerable.Range(0, issues.Count).Select(r => (long)r), issues.Select(i => i.Rank));

        var keep = Enumerable.Range(0, golden.RowCount).Where(i => !bad.Contains(i)).ToArray();
        var k = golden.ClassCount;
        var reference = ConfidentLearning.FindLabelIssues(
            keep.Select(i => golden.Labels[i]).ToArray(), keep.SelectMany(i => golden.Row(i).ToArray()).ToArray(), k, new LabelIssueOptions(), InMemoryExecution.SingleThreaded);
        Assert.Equal(reference.RankedIssues.Select(i => (long)keep[i]), issues.Select(i => i.Id));

        Assert.Equal(run.InputRows, run.CleanedRows + run.IssueRows + run.InvalidRows);
        Assert.Equal(bad.Select(b => (long)b), invalid.Select(r => r.Id).Order());
        var all = issues.Cast<RichRows.Row>().Concat(cleaned).Concat(invalid).ToList();
        Assert.Equal(written.Select(r => r.PassThrough()).Order(StringComparer.Ordinal), all.Select(r => r.PassThrough()).Order(StringComparer.Ordinal));
        Assert.Contains(issues, r => r.Tags is { Count: 3 });
        Assert.Contains(issues, r => r.Note is null);
    }

    [Fact]
    public async Task IssuesSpilledToDiskAreWrittenExactlyAsIssuesKeptInMemory()
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        using var temp = new TempFolder();
        var rows = Enumerable.Range(0, golden.RowCount).Select(i => RichRows.Make(golden, i)).ToList();
        rows[500].Probabilities[0] = double.NaN;
        await RichRows.WriteAsync(rows, temp.Combine("in"), 4, 37);
        var outputs = new List<List<RichRows.OutputRow>>();
        foreach (var keep in new[] { true, false })
        {
            var output = temp.Combine(keep ? "kept" : "spilled");
            var options = Parity.Options(temp.Combine("in"), output, 3) with
            {
                InvalidRows = InvalidRowPolicy.Quarantine,
                Execution = new ExecutionSettings { Threads = 3, KeepsIssuesInMemory = keep },
            };
            var run = await LocalEngine.RunAsync(options);
            Assert.Equal(run.InputRows, run.CleanedRows + run.IssueRows + run.InvalidRows);
            Assert.DoesNotContain(OutputFolders.Spill, Directory.GetDirectories(output).Select(Path.GetFileName));
            outputs.Add(await RichRows.ReadAsync<RichRows.OutputRow>(Path.Combine(output, "issues")));
        }

        Assert.NotEmpty(outputs[0]);
        Assert.Equal(outputs[0].Select(r => r.PassThrough() + $"|{r.Rank}|{r.LabelQuality:R}|{r.SuggestedLabel}|{r.Method}"),
            outputs[1].Select(r => r.PassThrough() + $"|{r.Rank}|{r.LabelQuality:R}|{r.SuggestedLabel}|{r.Method}"));
    }

    [Fact]
    public async Task MergeHoldsOneRowGroupPerSpillFileAndCutsFilesAtRankBoundaries()
    {
        using var temp = new TempFolder();
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        var input = await golden.WriteAsync(temp.Combine("in"), ProbabilityLayout.ListColumn, 2, 5);
        var dataset = await InputDataset.OpenAsync(input);
        Directory.CreateDirectory(temp.Combine("spill"));
        Directory.CreateDirectory(temp.Combine("issues"));

        // Every third row of each partition is an issue with a made-up score; spilled worst first in 7-row groups.
        var random = new Random(5);
        var keys = new List<IssueKey[]>();
        foreach (var partition in dataset.Partitions)
        {
            var sorted = Enumerable.Range(0, (int)partition.RowCount).Where(r => r % 3 == 0)
                .Select(r => new IssueKey(Math.Round(random.NextDouble(), 2), partition.FirstPosition + r, r)).Order().ToArray();
            using var batch = await dataset.ReadAsync(partition);
            await using var writer = await PartFileWriter.CreateAsync(Path.Combine(temp.Combine("spill"), PartFileName.Of(partition.Index, "run")), dataset.Schema, []);
            for (var first = 0; first < sorted.Length; first += 7)
            {
                await writer.WriteAsync(batch, [], sorted.Skip(first).Take(7).Select(key => key.BatchRow).ToArray());
            }

            keys.Add(sorted);
        }

        var merger = new IssueMerger(new GatherLimits(RowGroupRows: 16, RowsPerFile: 48));
        var ranks = new IssueRanks(keys);
        var rows = await merger.MergeAsync(temp.Combine("spill"), temp.Combine("issues"), new InputSchemaOptions(), "run", ranks, CancellationToken.None);

        Assert.Equal(ranks.Count, rows);
        Assert.Equal(1, merger.PeakBatchesPerSpill);
        var files = Directory.GetFiles(temp.Combine("issues")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal((int)((rows + 47) / 48), merger.FileCount);
        Assert.Equal(merger.FileCount, files.Length);
        var expected = keys.SelectMany(k => k).Order().Select(k => k.Position).ToArray();
        long rank = 0;
        foreach (var file in files)
        {
            var part = await InputDataset.OpenAsync(file, new InputSchemaOptions());
            Assert.All(part.Partitions, p => Assert.InRange(p.RowCount, 1, 16));
            foreach (var issue in (await ParquetSerializer.DeserializeAsync<IssueRow>(file)).Data)
            {
                Assert.Equal(rank, issue.Rank);
                Assert.Equal(expected[rank++], issue.Id);
            }
        }

        Assert.Equal(rows, rank);
    }

    public sealed class IssueRow
    {
        [System.Text.Json.Serialization.JsonPropertyName("id")]
        public long Id { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("issue_rank")]
        public long Rank { get; set; }
    }
}
