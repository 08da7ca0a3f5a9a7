using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Local.Tests;

/// <summary>Scheduled reruns (<c>--if-changed</c>) and a run whose every row is quarantined.</summary>
public sealed class RerunTests
{
    private static readonly GoldenCase Golden = GoldenCase.Load("synthetic_k3_n1000");

    private static async Task<string> WriteAsync(TempFolder temp, double[]? probabilities = null)
    {
        var data = new SyntheticDataset(Golden.ClassCount, probabilities ?? Golden.Probabilities) { Labels = Golden.Labels };
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("in"), data, new SyntheticLayout { Files = 2, RowGroupsPerFile = 2 });
        return temp.Combine("in");
    }

    [Fact]
    public async Task AnUnchangedInputAndUnchangedSettingsNeedNoRerunAndAnyChangeDoes()
    {
        using var temp = new TempFolder();
        var input = await WriteAsync(temp);
        var request = Parity.Options(input, temp.Combine("out"), 2) with { IfChanged = true, Overwrite = true };
        Assert.False(await LocalEngine.IsUnchangedAsync(request));
        await LocalEngine.RunAsync(request);

        Assert.True(await LocalEngine.IsUnchangedAsync(request));
        Assert.False(await LocalEngine.IsUnchangedAsync(request with { Issues = new LabelIssueOptions { FracNoise = 0.5 } }));
        Assert.False(await LocalEngine.IsUnchangedAsync(request with { InvalidRows = InvalidRowPolicy.Quarantine }));

        var file = Directory.GetFiles(input, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(1));
        Assert.False(await LocalEngine.IsUnchangedAsync(request));
    }

    [Fact]
    public async Task WhenEveryRowIsQuarantinedInvalidIsPublishedAndTheRunFailsPointingAtIt()
    {
        using var temp = new TempFolder();
        var probabilities = Golden.Probabilities.Select(_ => double.NaN).ToArray();
        var input = await WriteAsync(temp, probabilities);
        var output = temp.Combine("out");
        var request = Parity.Options(input, output, 2) with { InvalidRows = InvalidRowPolicy.Quarantine };

        var error = await Assert.ThrowsAsync<InputDataException>(() => LocalEngine.RunAsync(request));
        Assert.Contains(OutputLayout.Invalid, error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, OutputLayout.Success)));
        var invalid = await RichRows.ReadAsync<RichRows.Row>(Path.Combine(output, OutputLayout.Invalid));
        Assert.Equal(Golden.RowCount, invalid.Count);
        Assert.Empty(await RichRows.ReadAsync<RichRows.Row>(Path.Combine(output, OutputLayout.Cleaned)));
    }
}
