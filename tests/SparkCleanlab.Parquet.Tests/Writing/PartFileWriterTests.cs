using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Writing;

public class PartFileWriterTests
{
    private static readonly AddedColumn[] Added =
    [
        new("is_label_issue", AddedColumnType.Boolean),
        new("label_quality", AddedColumnType.Double),
        new("suggested_label", AddedColumnType.Int32),
        new("issue_rank", AddedColumnType.Int64),
        new("method", AddedColumnType.String),
    ];

    [Theory]
    [InlineData(ProbabilityLayout.ListColumn)]
    [InlineData(ProbabilityLayout.ClassColumns)]
    public async Task WritesARowSubsetInTheGivenOrderWithAddedColumns(ProbabilityLayout layout)
    {
        using var temp = new TempFolder();
        SyntheticDataset data = Data.Make(8, 3);
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("in"), data, new SyntheticLayout { Layout = layout });
        InputDataset input = await InputDataset.OpenAsync(temp.Combine("in"));
        string part = temp.Combine("out", PartFileName.Of(0, "run1"));
        Directory.CreateDirectory(temp.Combine("out"));
        int[] rows = [5, 1, 6];

        using (InputBatch batch = await input.ReadAsync(input.Partitions[0]))
        await using (PartFileWriter writer = await PartFileWriter.CreateAsync(part, input.Schema, Added))
        {
            await writer.WriteAsync(batch, ValuesFor(batch.Count), rows);
            Assert.Equal(3, writer.RowsWritten);
        }

        InputDataset output = await InputDataset.OpenAsync(part);
        using InputBatch back = await output.ReadAsync(output.Partitions[0]);
        Assert.Equal(rows.Select(r => data.Labels![r]), back.Labels.ToArray());
        Assert.Equal(rows.SelectMany(r => data.Probabilities.Skip(r * 3).Take(3)), back.Probabilities.ToArray());
        Assert.Equal(input.Schema.PassThroughColumns.Concat(Added.Select(a => a.Name)), back.Columns.Select(c => c.Name));
        Assert.Equal(rows.Select(r => (long)r), ((PassThroughColumn<long>)Column(back, "id")).Values.ToArray());
        Assert.Equal(rows.Select(r => r % 2 == 0), ((PassThroughColumn<bool>)Column(back, "is_label_issue")).Values.ToArray());
        Assert.Equal(rows.Select(r => r / 10.0), ((PassThroughColumn<double>)Column(back, "label_quality")).Values.ToArray());
        Assert.Equal(["m5", "m1"], ((PassThroughColumn<ReadOnlyMemory<char>>)Column(back, "method")).Values.ToArray().Select(v => v.ToString()));
        Assert.Equal([1, 1, 0], Column(back, "method").DefinitionLevels.ToArray());
    }

    [Fact]
    public async Task WritesWholeBatchesWithHivePartitionColumnsOneRowGroupEach()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("in", "day=1"), Data.Make(6, 2), new SyntheticLayout { RowGroupsPerFile = 2 });
        InputDataset input = await InputDataset.OpenAsync(temp.Combine("in"));
        string part = temp.Combine(PartFileName.Of(3, "r"));

        await using (PartFileWriter writer = await PartFileWriter.CreateAsync(part, input.Schema, []))
        {
            foreach (InputPartition partition in input.Partitions)
            {
                using InputBatch batch = await input.ReadAsync(partition);
                await writer.WriteAsync(batch, []);
            }
        }

        InputDataset output = await InputDataset.OpenAsync(part);
        Assert.Equal(2, output.Partitions.Count);
        Assert.Equal((await Data.ReadAllAsync(input)).Labels, (await Data.ReadAllAsync(output)).Labels);
        using InputBatch first = await output.ReadAsync(output.Partitions[0]);
        Assert.Equal("1", ((PassThroughColumn<ReadOnlyMemory<char>>)Column(first, "day")).Values[0].ToString());
        Assert.EndsWith("part-00003-r.snappy.parquet", part);
    }

    private static AddedValues[] ValuesFor(int count) =>
    [
        AddedValues.Of(Enumerable.Range(0, count).Select(r => r % 2 == 0).ToArray()),
        AddedValues.Of(Enumerable.Range(0, count).Select(r => r / 10.0).ToArray()),
        AddedValues.Of(Enumerable.Range(0, count).ToArray()),
        AddedValues.Of(Enumerable.Range(0, count).Select(r => (long)r).ToArray()),
        AddedValues.Of(Enumerable.Range(0, count).Select(r => r == 6 ? null : "m" + r).ToArray()),
    ];

    private static PassThroughColumn Column(InputBatch batch, string name) => batch.Columns.Single(c => c.Name == name);
}
