using SparkCleanlab.Plan;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;

namespace SparkCleanlab.Parquet.Tests.Reading;

public class NpyInputTests
{
    private static readonly float[] Probabilities = [0.9f, 0.1f, 0.2f, 0.8f, 0.5f, 0.5f, 0.3f, 0.7f, 0.6f, 0.4f, 0.1f, 0.9f, 0.8f, 0.2f];

    [Fact]
    public async Task ReadsInBatchesOfTheConfiguredSize()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<i8", new long[] { 0, 1, 0, 1, 0, 5, 0 }, 7);
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f4", Probabilities, 7, 2);

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { NpyBatchRows = 3 });
        var (labels, probabilities, problems) = await Data.ReadAllAsync(dataset);

        Assert.Equal(ProbabilityLayout.Npy, dataset.Schema.Layout);
        Assert.Equal(2, dataset.Schema.ClassCount);
        Assert.Equal([3L, 3, 1], dataset.Partitions.Select(p => p.RowCount));
        Assert.Equal([0L, 3, 6], dataset.Partitions.Select(p => p.FirstPosition));
        Assert.Equal([0, 1, 0, 1, 0, -1, 0], labels);
        Assert.Equal((5, RowProblemKind.LabelOutOfRange), (problems.Single().Row + 3, problems.Single().Kind));
        Assert.Equal(Probabilities.Take(10).Select(p => (double)p), probabilities.Take(10));
    }

    [Fact]
    public async Task NpyBatchesCarryLabelAndListColumnsForWriters()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<i4", new[] { 1, 0 }, 2);
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", new[] { 0.3, 0.7, 0.6, 0.4 }, 2, 2);

        InputDataset dataset = await InputDataset.OpenAsync(temp.Combine("pred_probs.npy"));
        using InputBatch batch = await dataset.ReadAsync(dataset.Partitions[0]);

        Assert.Equal(["label", "pred_probs/list/element", "row_index"], batch.Columns.Select(c => c.Name));
        Assert.Equal([1, 0], batch.Labels.ToArray());
    }

    [Fact]
    public async Task WrongDtypeIsRejected()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<f8", new[] { 0.0, 1.0 }, 2);
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", new[] { 0.3, 0.7, 0.6, 0.4 }, 2, 2);

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Contains("'<f8'", error.Message);
        Assert.Equal(temp.Combine("labels.npy"), error.File);
    }

    [Fact]
    public async Task RowCountMismatchIsRejected()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<i8", new long[] { 0, 1, 1 }, 3);
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", new[] { 0.3, 0.7, 0.6, 0.4 }, 2, 2);

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Contains("3 rows", error.Message);
    }

    [Fact]
    public async Task ATruncatedArrayIsRejected()
    {
        using var temp = new TempFolder();
        NpyFile.Write(temp.Combine("labels.npy"), "<i8", new long[] { 0, 1 }, 2);
        NpyFile.Write(temp.Combine("pred_probs.npy"), "<f8", new[] { 0.3, 0.7, 0.6 }, 2, 2);

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Contains("truncated", error.Message);
    }
}
