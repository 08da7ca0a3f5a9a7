using Parquet.Serialization;

namespace SparkCleanlab.Synthetic.Tests;

public sealed class MultiLabelGeneratorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WritesTheRowsItReportsWithTheFlipsItCounts()
    {
        var shape = new MultiLabelShape(Rows: 2000, Classes: 4, Noise: 0.2, Files: 2, RowGroups: 3, StringLabels: false, Seed: 5);

        var (path, flipped) = await MultiLabelGenerator.WriteAsync(_temp.Combine("out"), overwrite: false, shape, CancellationToken.None);

        var rows = new List<MultiLabelGenerator.IndexRow>();
        foreach (var file in Directory.GetFiles(path, "part-*.parquet").Order(StringComparer.Ordinal))
        {
            rows.AddRange((await ParquetSerializer.DeserializeAsync<MultiLabelGenerator.IndexRow>(file)).Data);
        }

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (long)i), rows.Select(r => r.Id));
        Assert.Equal(flipped, rows.Count(r => !r.Labels.SequenceEqual(r.TrueLabels)));
        Assert.InRange(flipped / 2000.0, 0.15, 0.25);
        Assert.All(rows, r => Assert.Equal(4, r.Probabilities.Length));
        Assert.All(rows, r => Assert.True(r.Labels.Union(r.TrueLabels).All(k => k is >= 0 and < 4)));
    }

    [Fact]
    public async Task TheSameSeedWritesTheSameFiles()
    {
        var shape = new MultiLabelShape(300, 3, 0.1, 1, 1, StringLabels: true, Seed: 9);

        var (first, _) = await MultiLabelGenerator.WriteAsync(_temp.Combine("a"), false, shape, CancellationToken.None);
        var (second, _) = await MultiLabelGenerator.WriteAsync(_temp.Combine("b"), false, shape, CancellationToken.None);

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, "part-00000.parquet")), await File.ReadAllBytesAsync(Path.Combine(second, "part-00000.parquet")));
    }
}
