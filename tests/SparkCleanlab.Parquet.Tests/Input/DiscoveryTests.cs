using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Input;

public class DiscoveryTests
{
    [Fact]
    public async Task HivePartitionValuesBecomeStringColumns()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("split=train"), Data.Make(6, 2, seed: 1), new SyntheticLayout());
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("split=test%20set"), Data.Make(4, 2, seed: 2), new SyntheticLayout());

        InputDataset dataset = await InputDataset.OpenAsync(temp.Path);

        Assert.Equal(["split"], dataset.Schema.PartitionColumns);
        Assert.Equal("split", dataset.Schema.PassThroughColumns[^1]);
        Assert.Equal(["test set", "train"], dataset.Partitions.Select(p => p.PartitionValues.Single().Value));
        using InputBatch batch = await dataset.ReadAsync(dataset.Partitions[1]);
        var split = Assert.IsType<PassThroughColumn<ReadOnlyMemory<char>>>(batch.Columns[^1]);
        Assert.All(split.Values.ToArray(), v => Assert.Equal("train", v.ToString()));
    }

    [Fact]
    public async Task FolderSkipsHiddenAndBookkeepingFiles()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(6, 2), new SyntheticLayout());
        File.WriteAllText(temp.Combine("_SUCCESS"), "");
        File.WriteAllText(temp.Combine(".part-00000.parquet.crc"), "crc");
        File.WriteAllText(temp.Combine("README.txt"), "not data");
        Directory.CreateDirectory(temp.Combine("_temporary"));
        File.Copy(temp.Combine("part-00000.parquet"), temp.Combine("_temporary", "part-00009.parquet"));
        File.Copy(temp.Combine("part-00000.parquet"), temp.Combine("part-00001"));

        IReadOnlyList<DiscoveredFile> files = ParquetFileDiscovery.Discover(temp.Path);

        Assert.Equal(["part-00000.parquet", "part-00001"], files.Select(f => f.RelativePath));
    }

    [Theory]
    [InlineData("*.parquet", new[] { "part-00000.parquet" })]
    [InlineData("**/part-*", new[] { "a/part-00000.parquet", "part-00000.parquet" })]
    [InlineData("a/*", new[] { "part-00000.parquet" })]
    // Relative paths (the ordering key) are taken from the glob's fixed folder.
    public async Task GlobsMatchBySegment(string pattern, string[] expected)
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(4, 2), new SyntheticLayout());
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("a"), Data.Make(4, 2), new SyntheticLayout());

        IReadOnlyList<DiscoveredFile> files = ParquetFileDiscovery.Discover(temp.Path + "/" + pattern);

        Assert.Equal(expected, files.Select(f => f.RelativePath));
    }

    [Fact]
    public async Task RowPositionsDoNotDependOnCreationOrder()
    {
        using var temp = new TempFolder();
        string[] names = ["b", "a", "c"];
        foreach (string name in names) await SyntheticDatasetWriter.WriteAsync(temp.Combine("x", name), Data.Make(5, 2, seed: name[0]), new SyntheticLayout { RowGroupsPerFile = 2 });
        foreach (string name in names.Reverse()) await SyntheticDatasetWriter.WriteAsync(temp.Combine("y", name), Data.Make(5, 2, seed: name[0]), new SyntheticLayout { RowGroupsPerFile = 2 });

        InputDataset x = await InputDataset.OpenAsync(temp.Combine("x"));
        InputDataset y = await InputDataset.OpenAsync(temp.Combine("y"));

        Assert.Equal(
            x.Partitions.Select(p => (Path.GetRelativePath(temp.Combine("x"), p.File), p.RowGroup, p.FirstPosition)),
            y.Partitions.Select(p => (Path.GetRelativePath(temp.Combine("y"), p.File), p.RowGroup, p.FirstPosition)));
        Assert.Equal((await Data.ReadAllAsync(x)).Labels, (await Data.ReadAllAsync(y)).Labels);
    }
}
