using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Reading;

public class InputErrorTests
{
    [Fact]
    public async Task NoMatchingFilesIsAnInputError()
    {
        using var temp = new TempFolder();
        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Combine("*.parquet")));
        Assert.Contains("No Parquet files match", error.Message);
    }

    [Fact]
    public async Task MissingLabelColumnNamesFileAndColumn()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(4, 2), new SyntheticLayout { LabelColumn = "y" });

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Equal("label", error.Column);
        Assert.EndsWith("part-00000.parquet", error.File);
        Assert.Contains("columns are [y, pred_probs, id]", error.Message);
    }

    [Fact]
    public async Task MistypedLabelColumnIsAnInputError()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(4, 2), new SyntheticLayout());

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { LabelColumn = "pred_probs" }));

        Assert.Equal("pred_probs", error.Column);
        Assert.Contains("list<Double>", error.Message);
    }

    [Fact]
    public async Task ClassCountOptionMustAgreeWithTheData()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(4, 3), new SyntheticLayout());

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { ClassCount = 4 }));

        Assert.Contains("K = 4", error.Message);
        Assert.Equal("pred_probs", error.Column);
    }

    [Fact]
    public async Task StringLabelsWithoutAClassListAreAnInputError()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(2, 2) with { Labels = null, LabelNames = ["a", "b"] }, new SyntheticLayout());

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Equal("label", error.Column);
    }

    [Fact]
    public async Task AnEmptyDataSetIsAnInputError()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, new SyntheticDataset(2, []) { Labels = [] }, new SyntheticLayout { Layout = ProbabilityLayout.ClassColumns });

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Contains("no rows", error.Message);
    }

    [Fact]
    public async Task ATruncatedFileInAFolderIsNamed()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(10, 2), new SyntheticLayout { Files = 2 });
        byte[] bytes = File.ReadAllBytes(temp.Combine("part-00001.parquet"));
        File.WriteAllBytes(temp.Combine("part-00001.parquet"), bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Equal(temp.Combine("part-00001.parquet"), error.File);
        Assert.Contains("does not end with the Parquet magic", error.Message);
    }

    [Fact]
    public async Task ANonParquetFileWithTheExtensionIsNamed()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(4, 2), new SyntheticLayout());
        File.WriteAllText(temp.Combine("part-00002.parquet"), "id,label\n1,0\n");

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Equal(temp.Combine("part-00002.parquet"), error.File);
    }

    [Fact]
    public async Task FilesWithADifferentSchemaAreNamed()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("a"), Data.Make(4, 2), new SyntheticLayout());
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("b"), Data.Make(4, 2) with { Ids = null }, new SyntheticLayout());

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path));

        Assert.Equal(temp.Combine("b", "part-00000.parquet"), error.File);
    }

    [Fact]
    public async Task RaggedAndNullProbabilityListsAreRowProblems()
    {
        using var temp = new TempFolder();
        var element = new DataField<double>("element");
        var schema = new ParquetSchema(new DataField<int>("label"), new ListField("pred_probs", element));
        DataField[] fields = schema.GetDataFields();
        // Rows: [0.4, 0.6], [1.0] (too short), [] (empty), [0.5, 0.5].
        await using (FileStream stream = File.Create(temp.Combine("ragged.parquet")))
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], (ReadOnlyMemory<int>)new[] { 0, 1, 1, 0 });
            await group.WriteAllPartsAsync<double>(fields[1], new[] { 0.4, 0.6, 1.0, 0.5, 0.5 }, new[] { 2, 2, 2, 1, 2, 2 }, new[] { 0, 1, 0, 0, 0, 1 }, default);
        }

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path);
        var (labels, probabilities, problems) = await Data.ReadAllAsync(dataset);

        Assert.Equal(2, dataset.Schema.ClassCount);
        Assert.Equal([(1, RowProblemKind.WrongProbabilityCount), (2, RowProblemKind.NullProbability)], problems.Select(p => (p.Row, p.Kind)));
        Assert.Equal("pred_probs", problems[0].Column);
        Assert.Equal([0, -1, -1, 0], labels);
        Assert.Equal([0.4, 0.6, 0, 0, 0, 0, 0.5, 0.5], probabilities);
    }
}
