using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Reading;

public class RoundTripTests
{
    [Theory]
    [InlineData(ProbabilityLayout.ListColumn, false)]
    [InlineData(ProbabilityLayout.ListColumn, true)]
    [InlineData(ProbabilityLayout.ClassColumns, false)]
    [InlineData(ProbabilityLayout.ClassColumns, true)]
    public async Task ReadsBackWhatWasWritten(ProbabilityLayout layout, bool singlePrecision)
    {
        using var temp = new TempFolder();
        SyntheticDataset data = Data.Make(rows: 50, k: 3);
        await SyntheticDatasetWriter.WriteAsync(temp.Path, data, new SyntheticLayout { Layout = layout, SinglePrecision = singlePrecision, Files = 2, RowGroupsPerFile = 3 });

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path);
        var (labels, probabilities, problems) = await Data.ReadAllAsync(dataset);

        Assert.Equal(3, dataset.Schema.ClassCount);
        Assert.Equal(layout, dataset.Schema.Layout);
        Assert.Equal(6, dataset.Partitions.Count);
        Assert.Equal(50, dataset.RowCount);
        Assert.Equal(data.Labels, labels);
        Assert.Empty(problems);
        double tolerance = singlePrecision ? 1e-7 : 0;
        for (int i = 0; i < probabilities.Length; i++) Assert.Equal(data.Probabilities[i], probabilities[i], tolerance);
    }

    [Fact]
    public async Task PartitionsKnowTheirGlobalFirstPosition()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(rows: 20, k: 2), new SyntheticLayout { Files = 2, RowGroupsPerFile = 2 });

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path);

        Assert.Equal([0L, 5, 10, 15], dataset.Partitions.Select(p => p.FirstPosition));
        Assert.Equal([0, 1, 0, 1], dataset.Partitions.Select(p => p.RowGroup));
    }

    [Fact]
    public async Task StringLabelsMapThroughClassColumnNames()
    {
        using var temp = new TempFolder();
        SyntheticDataset data = Data.Make(rows: 10, k: 2) with { ClassNames = ["cat", "dog"] };
        data = data with { LabelNames = data.Labels!.Select(l => (string?)data.ClassNames![l]).ToArray(), Labels = null };
        await SyntheticDatasetWriter.WriteAsync(temp.Path, data, new SyntheticLayout { Layout = ProbabilityLayout.ClassColumns, NameClassColumns = true });

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { ProbabilityPrefix = "p_" });
        var (labels, _, problems) = await Data.ReadAllAsync(dataset);

        Assert.Equal(["cat", "dog"], dataset.Schema.ClassNames);
        Assert.Equal(LabelKind.ClassName, dataset.Schema.LabelKind);
        Assert.Equal(data.LabelNames!.Select(n => n == "cat" ? 0 : 1), labels);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task StringLabelsInListLayoutUseTheClassListOption()
    {
        using var temp = new TempFolder();
        SyntheticDataset data = Data.Make(rows: 6, k: 2) with { Labels = null, LabelNames = ["b", "a", null, "zebra", "a", "b"] };
        await SyntheticDatasetWriter.WriteAsync(temp.Path, data, new SyntheticLayout());

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path, new InputSchemaOptions { ClassNames = ["a", "b"] });
        var (labels, probabilities, problems) = await Data.ReadAllAsync(dataset);

        Assert.Equal([1, 0, -1, -1, 0, 1], labels);
        Assert.Equal([(2, RowProblemKind.NullLabel), (3, RowProblemKind.UnknownClassName)], problems.Select(p => (p.Row, p.Kind)));
        Assert.All(problems, p => Assert.Equal("label", p.Column));
        Assert.Equal([0.0, 0.0], probabilities[4..6]);
    }

    [Fact]
    public async Task OutOfRangeIntegerLabelsAreRowProblems()
    {
        using var temp = new TempFolder();
        SyntheticDataset data = Data.Make(rows: 4, k: 2) with { Labels = [0, 2, -1, 1] };
        await SyntheticDatasetWriter.WriteAsync(temp.Path, data, new SyntheticLayout());

        var (labels, _, problems) = await Data.ReadAllAsync(await InputDataset.OpenAsync(temp.Path));

        Assert.Equal([0, -1, -1, 1], labels);
        Assert.Equal([1, 2], problems.Select(p => p.Row));
        Assert.All(problems, p => Assert.Equal(RowProblemKind.LabelOutOfRange, p.Kind));
    }
}
