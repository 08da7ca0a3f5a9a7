using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Local.Tests;

public class InvariantTests
{
    private static readonly GoldenCase Golden = GoldenCase.Load("synthetic_k3_n1000");

    private static async Task<string> WriteWithInvalidRowsAsync(TempFolder temp, int[] badRows)
    {
        var labels = (int[])Golden.Labels.Clone();
        var probabilities = (double[])Golden.Probabilities.Clone();
        var k = Golden.ClassCount;
        probabilities[badRows[0] * k] = double.NaN;
        labels[badRows[1]] = 7;
        probabilities[(badRows[2] * k) + 1] += 0.5;
        var data = new SyntheticDataset(k, probabilities) { Labels = labels, Ids = Enumerable.Range(0, labels.Length).Select(i => (long)i).ToArray() };
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("in"), data, new SyntheticLayout { Files = 2, RowGroupsPerFile = 3 });
        return temp.Combine("in");
    }

    [Fact]
    public async Task QuarantinedRowsGoToInvalidAndTheRestMatchesTheCoreWithoutThem()
    {
        using var temp = new TempFolder();
        int[] bad = [5, 400, 999];
        var input = await WriteWithInvalidRowsAsync(temp, bad);
        var options = Parity.Options(input, temp.Combine("out"), 2) with { InvalidRows = InvalidRowPolicy.Quarantine };
        var run = await LocalEngine.RunAsync(options);

        var invalid = await OutputRows.ReadAsync(temp.Combine("out", "invalid"), Golden.ClassCount);
        Assert.Equal(bad.Select(b => (long)b), invalid.Column<long>("id").Order());
        Assert.Contains(invalid.Column<string>("invalid_reason"), r => r.Contains("NaN", StringComparison.Ordinal));
        Assert.Contains(invalid.Column<string>("invalid_reason"), r => r.Contains("outside 0..", StringComparison.Ordinal));
        Assert.Contains(invalid.Column<string>("invalid_reason"), r => r.Contains("sum to", StringComparison.Ordinal));
        Assert.Equal(3, run.InvalidRows);

        var keep = Enumerable.Range(0, Golden.Labels.Length).Where(i => !bad.Contains(i)).ToArray();
        var k = Golden.ClassCount;
        await Parity.AssertMatchesAsync(
            run, keep.Select(i => Golden.Labels[i]).ToArray(), keep.SelectMany(i => Golden.Probabilities.Skip(i * k).Take(k)).ToArray(), k, new LabelIssueOptions(), keep.Select(i => (long)i).ToArray());
    }

    [Fact]
    public async Task EveryInputRowEndsInExactlyOneOfCleanedIssuesInvalidWithItsColumnsIntact()
    {
        using var temp = new TempFolder();
        var input = await WriteWithInvalidRowsAsync(temp, [1, 2, 3]);
        var run = await LocalEngine.RunAsync(Parity.Options(input, temp.Combine("out"), 3) with { InvalidRows = InvalidRowPolicy.Quarantine });
        var outputs = new[] { "cleaned", "issues", "invalid" }.Select(f => OutputRows.ReadAsync(temp.Combine("out", f), Golden.ClassCount).Result).ToArray();
        var ids = outputs.SelectMany(o => o.Column<long>("id")).ToArray();
        Assert.Equal(Golden.Labels.Length, ids.Length);
        Assert.Equal(Enumerable.Range(0, Golden.Labels.Length).Select(i => (long)i), ids.Order());
        foreach (var rows in outputs.Take(2))
        {
            Assert.Equal(rows.Column<long>("id").Select(id => Golden.Labels[id]), rows.Column<int>("label"));
        }

        Assert.Equal(run.InputRows, run.CleanedRows + run.IssueRows + run.InvalidRows);
        Assert.True(File.Exists(temp.Combine("out", "_SUCCESS")));
        Assert.True(File.Exists(temp.Combine("out", "summary.json")));
        Assert.True(File.Exists(temp.Combine("out", "report.html")));
    }

    [Fact]
    public async Task FailPolicyNamesFileRowGroupRowAndColumnOfTheFirstInvalidRowAndLeavesNoOutput()
    {
        using var temp = new TempFolder();
        var input = await WriteWithInvalidRowsAsync(temp, [600, 700, 800]);
        var error = await Assert.ThrowsAsync<InputDataException>(() => LocalEngine.RunAsync(Parity.Options(input, temp.Combine("out"), 4)));
        Assert.EndsWith("part-00001.parquet", error.File);
        Assert.Equal(0, error.RowGroup);
        Assert.Equal(100, error.Row);
        Assert.Equal("pred_probs[0]", error.Column);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
        Assert.Equal(["in"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task NoStageHoldsMoreThanOneBatchPerThread()
    {
        using var temp = new TempFolder();
        var input = await Golden.WriteAsync(temp.Combine("in"), ProbabilityLayout.ListColumn, 2, 25);
        var run = await LocalEngine.RunAsync(Parity.Options(input, temp.Combine("out"), 2));
        Assert.Equal(50, run.Partitions);
        Assert.InRange(run.PeakLiveBatches!.Value, 1, 2);
    }
}
