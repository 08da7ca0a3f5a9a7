using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Tests.Reading;

/// <summary>
/// A read of the labels and probabilities only decodes exactly what a read of every column decodes for the math,
/// problems included (that it never touches the other columns is checked on the engine, by PassColumnsTests).
/// </summary>
public class BatchContentTests : IDisposable
{
    private const int Rows = 12_000;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public class Row
    {
        [JsonPropertyName("label")]
        public int? Label { get; set; }

        [JsonPropertyName("pred_probs")]
        public double[]? Probabilities { get; set; }

        [JsonPropertyName("note")]
        public string? Note { get; set; }

        [JsonPropertyName("tags")]
        public List<string?>? Tags { get; set; }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    public async Task ParquetLabelsAndProbabilitiesEqualThoseOfAReadOfEveryColumn(long batchBytes)
    {
        string file = await WriteAsync();
        var options = new InputSchemaOptions { BatchBytes = batchBytes == 0 ? new InputSchemaOptions().BatchBytes : batchBytes };
        InputDataset dataset = await InputDataset.OpenAsync(file, options);
        Assert.True(batchBytes == 0 ? dataset.Partitions.Count == 3 : dataset.Partitions.Count > 3, $"{dataset.Partitions.Count} partitions");

        var all = await ReadBothWaysAsync(dataset);
        Assert.Contains(all.Problems, p => p.Kind == RowProblemKind.NullLabel);
        Assert.Contains(all.Problems, p => p.Kind == RowProblemKind.WrongProbabilityCount);
        Assert.Equal(0, dataset.BatchesInUse);
    }

    [Theory]
    [InlineData("<f2", false)]
    [InlineData("<f4", false)]
    [InlineData("<f8", false)]
    [InlineData("<f8", true)]
    public async Task NpyLabelsAndProbabilitiesEqualThoseOfAReadOfEveryColumn(string dtype, bool fortran)
    {
        const int rows = 1_000;
        const int k = 3;
        long[] labels = Enumerable.Range(0, rows).Select(r => r % 97 == 0 ? 7L : r % k).ToArray();
        double[] probabilities = Enumerable.Range(0, rows * k).Select(i => ((i * 7919) % 1000) / 1000.0).ToArray();
        double[] stored = fortran ? Enumerable.Range(0, rows * k).Select(i => probabilities[(i % rows * k) + (i / rows)]).ToArray() : probabilities;
        byte[] data = dtype switch
        {
            "<f2" => MemoryMarshal.AsBytes(stored.Select(v => (Half)v).ToArray().AsSpan()).ToArray(),
            "<f4" => MemoryMarshal.AsBytes(stored.Select(v => (float)v).ToArray().AsSpan()).ToArray(),
            _ => MemoryMarshal.AsBytes(stored.AsSpan()).ToArray(),
        };
        NpyFile.Write(_temp.Combine("labels.npy"), "<i8", labels, rows);
        NpyFile.Write(_temp.Combine("pred_probs.npy"), dtype, fortran, data, rows, k);
        InputDataset dataset = await InputDataset.OpenAsync(_temp.Path, new InputSchemaOptions { NpyBatchRows = 128 });

        var all = await ReadBothWaysAsync(dataset);
        Assert.Equal(11, all.Problems.Count);
        Assert.Equal(Expected(probabilities, labels, k, dtype), all.Probabilities);
        Assert.Equal(0, dataset.BatchesInUse);
    }

    private static int Label(int row) => row % 3;

    // Every partition read both ways; returns what they both decode, after checking that they decode the same.
    private static async Task<(int[] Labels, double[] Probabilities, List<RowProblem> Problems)> ReadBothWaysAsync(InputDataset dataset)
    {
        var all = await Data.ReadAllAsync(dataset, BatchContent.AllColumns);
        var math = await Data.ReadAllAsync(dataset, BatchContent.LabelsAndProbabilities);
        Assert.Equal(all.Labels, math.Labels);
        Assert.Equal(all.Probabilities, math.Probabilities);
        Assert.Equal(all.Problems, math.Problems);
        return all;
    }

    // The probabilities with the rows of an out-of-range label blanked, as a batch holds them.
    private static double[] Expected(double[] probabilities, long[] labels, int k, string dtype) =>
        [.. probabilities.Select((v, i) => labels[i / k] >= k ? 0.0 : dtype switch { "<f2" => (double)(Half)v, "<f4" => (float)v, _ => v })];

    [Fact]
    public async Task ANpyReadThatFailsAfterMakingItsBatchReleasesItsCountOnce()
    {
        NpyFile.Write(_temp.Combine("labels.npy"), "<i8", new long[] { 0, 1, 0, 1 }, 4);
        NpyFile.Write(_temp.Combine("pred_probs.npy"), "<f8", new[] { 0.9, 0.1, 0.2, 0.8, 0.5, 0.5, 0.3, 0.7 }, 4, 2);
        InputDataset dataset = await InputDataset.OpenAsync(_temp.Path);
        byte[] bytes = File.ReadAllBytes(_temp.Combine("pred_probs.npy"));
        File.WriteAllBytes(_temp.Combine("pred_probs.npy"), bytes[..^16]);

        await Assert.ThrowsAsync<InputDataException>(() => Data.ReadAllAsync(dataset, BatchContent.LabelsAndProbabilities));

        Assert.Equal(0, dataset.BatchesInUse);
    }

    public class NamedRow
    {
        [JsonPropertyName("label")]
        public string? Label { get; set; }

        [JsonPropertyName("p_cat")]
        public double? Cat { get; set; }

        [JsonPropertyName("p_dog")]
        public double Dog { get; set; }

        [JsonPropertyName("note")]
        public string? Note { get; set; }
    }

    [Fact]
    public async Task ClassColumnsWithNamedLabelsInHivePartitionsDecodeAsAReadOfEveryColumnDoes()
    {
        string[] names = ["cat", "dog"];
        foreach (string region in new[] { "east", "west" })
        {
            var rows = Enumerable.Range(0, 3000).Select(i => new NamedRow
            {
                Label = (i % 97) switch { 5 => null, 6 => "bird", _ => names[i % 2] },
                Cat = i % 89 == 7 ? null : (i % 10) / 10.0,
                Dog = 1 - ((i % 10) / 10.0),
                Note = region + i,
            }).ToList();
            Directory.CreateDirectory(_temp.Combine($"region={region}"));
            await ParquetSerializer.SerializeAsync(rows, _temp.Combine($"region={region}", "part-00000.parquet"), new ParquetOptions { RowGroupSize = 1000 });
        }
        InputDataset dataset = await InputDataset.OpenAsync(_temp.Path, new InputSchemaOptions { ProbabilityPrefix = "p_", ClassNames = names });

        var all = await ReadBothWaysAsync(dataset);
        Assert.Equal([RowProblemKind.NullLabel, RowProblemKind.UnknownClassName, RowProblemKind.NullProbability], all.Problems.Select(p => p.Kind).Distinct().Order());
    }

    private async Task<string> WriteAsync()
    {
        var rows = Enumerable.Range(0, Rows).Select(i => new Row
        {
            Label = i % 101 == 50 ? null : Label(i),
            Probabilities = i % 103 == 51 ? [1.0] : [(i % 10) / 10.0, (10 - (i % 10)) / 20.0, (10 - (i % 10)) / 20.0],
            Note = i % 4 == 0 ? null : "note " + new string('x', i % 7),
            Tags = i % 5 == 0 ? null : ["a", null, "b" + i],
        }).ToList();
        string file = _temp.Combine("input.parquet");
        await ParquetSerializer.SerializeAsync(rows, file, new ParquetOptions { RowGroupSize = Rows / 3 });
        return file;
    }
}
