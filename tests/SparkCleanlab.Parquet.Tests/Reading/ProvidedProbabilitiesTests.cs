using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Reading;

public class ProvidedProbabilitiesTests
{
    // Distinct values per row and class, so a row or class out of place shows.
    private static double[] Values(int rows, int k) => Enumerable.Range(0, rows * k).Select(i => i / 1000.0).ToArray();

    [Fact]
    public async Task BatchesTakeTheProvidedRowsInInputOrderAndTheProbabilityColumnPassesThrough()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(10, 3), new SyntheticLayout { Files = 2, RowGroupsPerFile = 3 });
        double[] values = Values(10, 3);

        InputDataset input = await InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { ProvidedProbabilities = new ProvidedProbabilities(values, 3) });
        (_, double[] probabilities, List<RowProblem> problems) = await Data.ReadAllAsync(input);

        Assert.True(input.Partitions.Count > 2);
        Assert.Equal(ProbabilityLayout.Provided, input.Schema.Layout);
        Assert.Equal(3, input.Schema.ClassCount);
        Assert.Equal(values, probabilities);
        Assert.Empty(problems);
        Assert.Contains(input.Schema.PassThroughColumns, c => c.StartsWith("pred_probs", StringComparison.Ordinal));
        Assert.DoesNotContain(input.Schema.PassThroughColumns, c => c.StartsWith("p_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrittenColumnsNeedNoProbabilityColumnAndReadBackAsTheDefaultClassColumns()
    {
        using var temp = new TempFolder();
        string file = await WriteLabelsOnlyAsync(temp.Combine("in.parquet"), [0, 1, 1], [1, 0]);
        double[] values = [0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 0.6, 0.4, 0.5, 0.5];
        InputDataset input = await InputDataset.OpenAsync(file, new InputSchemaOptions
        {
            ProvidedProbabilities = new ProvidedProbabilities(values, 2) { WriteColumns = true },
        });
        Assert.Equal(["label", "p_0", "p_1"], input.Schema.PassThroughColumns);

        string output = Directory.CreateDirectory(temp.Combine("out")).FullName;
        foreach (InputPartition partition in input.Partitions)
        {
            using InputBatch batch = await input.ReadAsync(partition);
            await using PartFileWriter writer = await PartFileWriter.CreateAsync(Path.Combine(output, PartFileName.Of(partition.Index, "run")), input.Schema, []);
            await writer.WriteAsync(batch, []);
        }

        InputDataset back = await InputDataset.OpenAsync(output);
        (int[] labels, double[] probabilities, _) = await Data.ReadAllAsync(back);
        Assert.Equal(ProbabilityLayout.ClassColumns, back.Schema.Layout);
        Assert.Equal([0, 1, 1, 1, 0], labels);
        Assert.Equal(values, probabilities);
    }

    [Fact]
    public async Task ProvidedRowsMustCoverTheInputExactly()
    {
        using var temp = new TempFolder();
        string file = await WriteLabelsOnlyAsync(temp.Combine("in.parquet"), [0, 1, 1]);

        var error = await Assert.ThrowsAsync<InputDataException>(() =>
            InputDataset.OpenAsync(file, new InputSchemaOptions { ProvidedProbabilities = new ProvidedProbabilities(Values(4, 2), 2) }));

        Assert.Contains("The input has 3 rows but 4 rows of probabilities", error.Message);
    }

    [Fact]
    public async Task WrittenColumnsMustNotShadowColumnsOfTheInput()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(4, 2), new SyntheticLayout { Layout = ProbabilityLayout.ClassColumns });

        var error = await Assert.ThrowsAsync<InputDataException>(() =>
            InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { ProvidedProbabilities = new ProvidedProbabilities(Values(4, 2), 2) { WriteColumns = true } }));

        Assert.Equal("p_0", error.Column);
    }

    [Fact]
    public async Task UnreadProbabilitiesAcceptAnyRowCountAndLeaveZeros()
    {
        using var temp = new TempFolder();
        string file = await WriteLabelsOnlyAsync(temp.Combine("in.parquet"), [1, 0, 2]);

        InputDataset input = await InputDataset.OpenAsync(file, new InputSchemaOptions { ProvidedProbabilities = ProvidedProbabilities.Unread(3) });
        (int[] labels, double[] probabilities, _) = await Data.ReadAllAsync(input);

        Assert.Equal([1, 0, 2], labels);
        Assert.Equal(new double[9], probabilities);
    }

    [Fact]
    public void ValuesMustBeWholeRows() =>
        Assert.Throws<ArgumentException>(() => new ProvidedProbabilities(new double[5], 2));

    // One int label column, one row group per array given.
    private static async Task<string> WriteLabelsOnlyAsync(string path, params int[][] rowGroups)
    {
        var field = new DataField<int>("label");
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
        foreach (int[] labels in rowGroups)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(field, (ReadOnlyMemory<int>)labels);
        }

        return path;
    }
}
