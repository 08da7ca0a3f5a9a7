using SparkCleanlab.Cli.Tests.Support;
using SparkCleanlab.Parquet.Tests.Support;

namespace SparkCleanlab.Cli.Tests;

/// <summary>find-issues on NumPy arrays: every output row says which array row it is.</summary>
public sealed class NpyRunTests : IDisposable
{
    private const int Rows = 400;
    private const int K = 3;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("folder")]
    [InlineData("npz")]
    public async Task EveryOutputCarriesRowIndexAndInvalidReasonsShowTheRealK(string input)
    {
        var (labels, probabilities) = NoisyArrays();
        labels[5] = 7;
        byte[] labelBytes = NpyFile.Bytes("<i4", labels, Rows);
        byte[] probabilityBytes = NpyFile.Bytes("<f4", probabilities, Rows, K);
        string path = _temp.Combine("in");
        Directory.CreateDirectory(path);
        if (input == "npz")
        {
            path = Path.Combine(path, "arrays.npz");
            NpyFile.WriteArchive(path, compressed: true, ("labels", labelBytes), ("pred_probs", probabilityBytes));
        }
        else
        {
            File.WriteAllBytes(Path.Combine(path, "labels.npy"), labelBytes);
            File.WriteAllBytes(Path.Combine(path, "pred_probs.npy"), probabilityBytes);
        }
        string output = _temp.Combine("out");

        var run = Run("find-issues", path, "--output", output, "--annotated", "--invalid-rows", "quarantine", "--batch-rows", "64", "--no-progress");

        Assert.True(run.Code == 0, run.Error);
        var seen = new List<long>();
        foreach (string folder in new[] { "cleaned", "issues", "invalid" })
        {
            seen.AddRange(await OutputColumns.ValuesAsync<long>(Path.Combine(output, folder), "row_index"));
        }
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => (long)i), seen.Order());
        long[] issues = await OutputColumns.ValuesAsync<long>(Path.Combine(output, "issues"), "row_index");
        Assert.NotEmpty(issues);
        long[] issueLabels = await OutputColumns.ValuesAsync<long>(Path.Combine(output, "issues"), "label");
        Assert.Equal(issues.Select(i => (long)labels[i]), issueLabels);
        Assert.Equal(Rows - 1, (await OutputColumns.ValuesAsync<long>(Path.Combine(output, "annotated"), "row_index")).Length);
        long[] invalid = await OutputColumns.ValuesAsync<long>(Path.Combine(output, "invalid"), "row_index");
        Assert.Equal([5L], invalid);
        string[] reasons = await OutputColumns.InvalidReasonsAsync(Path.Combine(output, "invalid"));
        Assert.Equal(["label 7 in 'label' is outside 0..2"], reasons);
    }

    [Fact]
    public void AnInvalidRowIsNamedByItsRowInTheArrayNotInItsBatch()
    {
        var (labels, probabilities) = NoisyArrays();
        labels[150] = 7;
        string path = _temp.Combine("in");
        Directory.CreateDirectory(path);
        File.WriteAllBytes(Path.Combine(path, "labels.npy"), NpyFile.Bytes("<i4", labels, Rows));
        File.WriteAllBytes(Path.Combine(path, "pred_probs.npy"), NpyFile.Bytes("<f4", probabilities, Rows, K));

        var run = Run("find-issues", path, "--output", _temp.Combine("out"), "--batch-rows", "64", "--no-progress");

        Assert.Equal(3, run.Code);
        Assert.Contains("row 150", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("row group", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheConsoleSummaryAgreesWithTheOutputs(bool annotated)
    {
        var (labels, probabilities) = NoisyArrays();
        labels[5] = 7;
        labels[6] = -1;
        string input = _temp.Combine("in");
        Directory.CreateDirectory(input);
        NpyFile.Write(Path.Combine(input, "labels.npy"), "<i4", labels, Rows);
        NpyFile.Write(Path.Combine(input, "pred_probs.npy"), "<f4", probabilities, Rows, K);
        string output = _temp.Combine("out");

        var run = Run(["find-issues", input, "--output", output, "--invalid-rows", "quarantine", "--no-progress", .. annotated ? new[] { "--annotated" } : []]);

        Assert.True(run.Code == 0, run.Error);
        long issues = (await OutputColumns.ValuesAsync<long>(Path.Combine(output, "issues"), "row_index")).Length;
        long cleaned = (await OutputColumns.ValuesAsync<long>(Path.Combine(output, "cleaned"), "row_index")).Length;
        string[] lines = run.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith($"Flagged {issues} of {Rows - 2} valid rows (", lines[0]);
        Assert.Equal($"Rows: {Rows - 2} valid = {cleaned} in cleaned/ + {issues} in issues/; 2 invalid in invalid/; {Rows} read", lines[1]);
        Assert.Matches(@"^Label health score: [0-9.]+ = 1 - \d+ wrong labels estimated by the confident joint / 398 valid rows$", lines[2]);
        Assert.Equal("  class                 label quality  rows with label  est. wrong labels", lines[4]);
        Assert.Equal($"Output: {output}", lines[^3]);
        Assert.Equal(annotated ? "  cleaned/  issues/  invalid/  annotated/  summary.json  report.html" : "  cleaned/  issues/  invalid/  summary.json  report.html", lines[^2]);
    }

    // Confident predictions for the true class, with every tenth label flipped to the next class.
    private static (int[] Labels, float[] Probabilities) NoisyArrays()
    {
        var random = new Random(3);
        var labels = new int[Rows];
        var probabilities = new float[Rows * K];
        for (int row = 0; row < Rows; row++)
        {
            int truth = row % K;
            float confidence = 0.6f + (float)random.NextDouble() * 0.3f;
            for (int c = 0; c < K; c++) probabilities[row * K + c] = c == truth ? confidence : (1 - confidence) / (K - 1);
            labels[row] = row % 10 == 0 ? (truth + 1) % K : truth;
        }
        return (labels, probabilities);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => ToolProcess.RunTool(args);
}
