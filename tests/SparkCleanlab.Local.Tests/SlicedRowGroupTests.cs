using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Local.Execution;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Local.Tests;

/// <summary>A row group too large for one batch is read in slices, and the run's answers and rows do not change.</summary>
public class SlicedRowGroupTests
{
    private const int Copies = 120;

    [Fact]
    public async Task ACancelledPassStopsBeforeTheNextSliceOfTheRowGroup()
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        using var temp = new TempFolder();
        var rows = Enumerable.Range(0, 20 * golden.RowCount).Select(i => RichRows.Make(golden, i % golden.RowCount)).ToList();
        await RichRows.WriteAsync(rows, temp.Combine("in"), 1, rows.Count);
        var dataset = await InputDataset.OpenAsync(temp.Combine("in"), new InputSchemaOptions { BatchBytes = 100_000 });
        var runner = new BatchRunner(dataset.Partitions.Select((p, i) => new Partition(i, dataset, p)).ToList(), 2);
        Assert.True(runner.Partitions.Count > 2, $"{runner.Partitions.Count} partitions");

        using var cancel = new CancellationTokenSource();
        var mapped = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.MapAsync(BatchContent.AllColumns, (_, _) =>
        {
            Interlocked.Increment(ref mapped);
            cancel.Cancel();
            return 0;
        }, cancel.Token));

        Assert.Equal(1, mapped);
        Assert.Equal(0, dataset.BatchesInUse);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ARowGroupReadInSlicesGivesTheReferenceAnswerAndTheRowsOfTheRowGroupReadWhole(int threads)
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        using var temp = new TempFolder();
        // The golden rows repeated, each with its own id and pass-through values, as one file of one row group.
        var rows = Enumerable.Range(0, Copies * golden.RowCount).Select(i =>
        {
            var row = RichRows.Make(golden, i % golden.RowCount);
            row.Id = i;
            row.Note = i % 3 == 0 ? null : "row " + i;
            return row;
        }).ToList();
        rows[77_777].Probabilities[0] = double.NaN;
        await RichRows.WriteAsync(rows, temp.Combine("in"), 1, rows.Count);

        var whole = await LocalEngine.RunAsync(Parity.Options(temp.Combine("in"), temp.Combine("whole"), threads) with { InvalidRows = InvalidRowPolicy.Quarantine });
        // A 64 MiB budget makes a batch at most 4 MiB, so the row group (about 10 MB decoded) is read in slices; with
        // no row cache every pass reads them again.
        var sliced = await LocalEngine.RunAsync(Parity.Options(temp.Combine("in"), temp.Combine("sliced"), threads) with
        {
            InvalidRows = InvalidRowPolicy.Quarantine,
            Execution = new ExecutionSettings { Threads = threads, MemoryMegabytes = 64, RowCacheMegabytes = 0 },
        });

        Assert.Equal(1, whole.Partitions);
        Assert.True(sliced.Partitions > 1, $"{sliced.Partitions} partitions");
        Assert.Equal(1, sliced.InvalidRows);
        var valid = Enumerable.Range(0, rows.Count).Where(i => i != 77_777).ToArray();
        await Parity.AssertMatchesAsync(
            sliced, valid.Select(i => rows[i].Label).ToArray(), valid.SelectMany(i => rows[i].Probabilities).ToArray(), golden.ClassCount,
            new LabelIssueOptions(), valid.Select(i => (long)i).ToArray());

        var wholeIssues = await RichRows.ReadAsync<RichRows.OutputRow>(temp.Combine("whole", "issues"));
        var slicedIssues = await RichRows.ReadAsync<RichRows.OutputRow>(temp.Combine("sliced", "issues"));
        Assert.Equal(
            wholeIssues.Select(r => r.PassThrough() + $"|{r.Rank}|{r.LabelQuality:R}|{r.SuggestedLabel}"),
            slicedIssues.Select(r => r.PassThrough() + $"|{r.Rank}|{r.LabelQuality:R}|{r.SuggestedLabel}"));
        foreach (var folder in new[] { "cleaned", "invalid" })
        {
            var wholeRows = await RichRows.ReadAsync<RichRows.Row>(temp.Combine("whole", folder));
            var slicedRows = await RichRows.ReadAsync<RichRows.Row>(temp.Combine("sliced", folder));
            Assert.Equal(wholeRows.Select(r => r.PassThrough()), slicedRows.Select(r => r.PassThrough()));
        }
    }
}
