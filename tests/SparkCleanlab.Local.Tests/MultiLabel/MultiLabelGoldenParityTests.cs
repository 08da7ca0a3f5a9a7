using System.Text.Json;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Local.Tests.MultiLabel;

/// <summary>Every multi-label golden case through the local engine, from Parquet, against the reference (cleanlab 2.9.0).</summary>
public class MultiLabelGoldenParityTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Cases() => MultiLabelGoldenCase.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RankedIssuesScoresClassesAndHealthMatchForAnyPartitioningAndThreads(string name)
    {
        var golden = MultiLabelGoldenCase.Load(name);
        var expected = golden.Expected;
        var ranked = GoldenCase.Ints(expected.GetProperty("ranked_label_issues").GetProperty("self_confidence"));
        var scores = GoldenCase.Doubles(expected.GetProperty("label_quality_scores").GetProperty("self_confidence"));
        var perClass = expected.GetProperty("label_issues_per_class").EnumerateArray().Select(GoldenCase.Ints).ToArray();
        foreach (var (files, rowGroupRows, threads) in new[] { (1, int.MaxValue, 1), (2, 97, 2), (3, 250, 4) })
        {
            using var temp = new TempFolder();
            var input = await MultiLabelParquet.WriteAsync(golden, temp.Combine("in"), files, rowGroupRows);
            var run = await MultiLabelEngine.RunAsync(Request(input, temp.Combine("out"), threads));
            var layout = $"{files} files, row groups of {rowGroupRows}, {threads} threads";
            Assert.True(run.Partitions >= files, layout);

            var issues = await PartFiles.ReadAsync<MultiLabelParquet.IssueRow>(Path.Combine(run.OutputPath, OutputLayout.Issues));
            Assert.Equal(ranked.Select(i => (long)i), issues.Select(r => r.Id));
            Assert.Equal(Enumerable.Range(0, issues.Count).Select(i => (long)i), issues.Select(r => r.IssueRank));
            foreach (var row in issues)
            {
                Assert.True(Math.Abs(scores[row.Id] - row.LabelQuality) <= Tolerance, $"{layout}: row {row.Id} score {row.LabelQuality:R}, expected {scores[row.Id]:R}");
                var flagged = row.IssueActions.Select(a => int.Parse(a[(a.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(perClass[row.Id], flagged);
                Assert.All(row.IssueActions, a => Assert.Equal(golden.Labels[row.Id].Contains(int.Parse(a[(a.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)) ? "remove" : "add", a[..a.IndexOf(':')]));
                Assert.Equal("prune_by_noise_rate", row.Method);
            }

            var cleaned = await PartFiles.ReadAsync<MultiLabelParquet.IdRow>(Path.Combine(run.OutputPath, OutputLayout.Cleaned));
            Assert.Equal(Enumerable.Range(0, golden.RowCount).Select(i => (long)i).Except(ranked.Select(i => (long)i)).Order(), cleaned.Select(r => r.Id).Order());

            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run.OutputPath, OutputLayout.Summary)));
            var health = summary.RootElement.GetProperty("health");
            Assert.True(Math.Abs(expected.GetProperty("overall_multilabel_health_score").GetDouble() - health.GetProperty("overall_multilabel_health_score").GetDouble()) <= Tolerance, layout);
            var common = expected.GetProperty("common_multilabel_issues");
            Assert.Equal(GoldenCase.Ints(common.GetProperty("Class Index")), health.GetProperty("common_multilabel_issues").EnumerateArray().Select(i => i.GetProperty("class_index").GetInt32()));
            Assert.Equal(GoldenCase.Longs(common.GetProperty("Num Examples")), health.GetProperty("common_multilabel_issues").EnumerateArray().Select(i => i.GetProperty("num_examples").GetInt64()));
            var byQuality = expected.GetProperty("rank_classes_by_multilabel_quality");
            Assert.Equal(GoldenCase.Ints(byQuality.GetProperty("Class Index")), health.GetProperty("rank_classes_by_multilabel_quality").EnumerateArray().Select(i => i.GetProperty("class_index").GetInt32()));
            Assert.True(File.Exists(Path.Combine(run.OutputPath, OutputLayout.Report)));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryFilterFlagsTheReferenceRows(string name)
    {
        var golden = MultiLabelGoldenCase.Load(name);
        using var temp = new TempFolder();
        var input = await MultiLabelParquet.WriteAsync(golden, temp.Combine("in"), 2, 131);
        foreach (var property in golden.Expected.GetProperty("label_issues").EnumerateObject())
        {
            var output = temp.Combine("out-" + property.Name);
            var run = await MultiLabelEngine.RunAsync(Request(input, output, 2) with { Issues = new LabelIssueOptions { Method = ReferenceOptions.Methods[property.Name] } });
            var issues = await PartFiles.ReadAsync<MultiLabelParquet.IdRow>(Path.Combine(run.OutputPath, OutputLayout.Issues));
            Assert.Equal(GoldenCase.Ints(property.Value).Select(i => (long)i), issues.Select(r => r.Id).Order());
        }
    }

    [Fact]
    public async Task MembershipColumnsAndClassNamesFlagTheSameRowsAsTheIndexList()
    {
        var golden = MultiLabelGoldenCase.Load("multilabel_k3_n300_noisy");
        using var temp = new TempFolder();
        var rows = Enumerable.Range(0, golden.RowCount).Select(i => new MultiLabelParquet.MembershipRow
        {
            Id = i,
            Cat = golden.Labels[i].Contains(0) ? 1 : 0,
            Dog = golden.Labels[i].Contains(1),
            Owl = golden.Labels[i].Contains(2) ? 1 : 0,
            Probabilities = golden.Probabilities.AsSpan(i * 3, 3).ToArray(),
        }).ToList();
        await PartFiles.WriteAsync(rows, temp.Combine("in"), 2, 64);
        var request = Request(temp.Combine("in"), temp.Combine("out"), 2) with { Columns = new InputColumns { MultiLabel = true, LabelColumns = ["cat", "dog", "owl"], Id = "id" } };
        var run = await MultiLabelEngine.RunAsync(request);
        var issues = await PartFiles.ReadAsync<MultiLabelParquet.IssueRow>(Path.Combine(run.OutputPath, OutputLayout.Issues));
        Assert.Equal(GoldenCase.Ints(golden.Expected.GetProperty("ranked_label_issues").GetProperty("self_confidence")).Select(i => (long)i), issues.Select(r => r.Id));
        Assert.All(issues, r => Assert.All(r.IssueActions, a => Assert.Matches("^(add|remove):(cat|dog|owl)$", a)));
        Assert.Equal(["cat", "dog", "owl"], run.ClassNames);
    }

    [Fact]
    public async Task AnUnchangedMultiLabelRunNeedsNoRerun()
    {
        using var temp = new TempFolder();
        var input = await MultiLabelParquet.WriteAsync(MultiLabelGoldenCase.Load(MultiLabelGoldenCase.Names()[0]), temp.Combine("in"), files: 2, rowGroupRows: 97);
        var request = Request(input, temp.Combine("out"), threads: 2) with { IfChanged = true, Overwrite = true };
        Assert.False(await LocalEngine.IsUnchangedAsync(request));
        await MultiLabelEngine.RunAsync(request);

        Assert.True(await LocalEngine.IsUnchangedAsync(request));
        Assert.False(await LocalEngine.IsUnchangedAsync(request with { Issues = new LabelIssueOptions { FracNoise = 0.5 } }));
    }

    public static FindIssuesRequest Request(string input, string output, int threads) => new()
    {
        Inputs = [input],
        Output = output,
        Columns = new InputColumns { Label = "labels", MultiLabel = true, Id = "id" },
        Execution = new ExecutionSettings { Threads = threads },
    };
}
