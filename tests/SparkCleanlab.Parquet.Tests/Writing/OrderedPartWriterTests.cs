using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Writing;

public class OrderedPartWriterTests
{
    private static readonly AddedColumn[] Added = [new("issue_rank", AddedColumnType.Int64), new("note2", AddedColumnType.String)];

    public class Detail
    {
        [JsonPropertyName("score")]
        public int? Score { get; set; }

        [JsonPropertyName("text")]
        public string? Text { get; set; }
    }

    public class Row
    {
        [JsonPropertyName("label")]
        public int Label { get; set; }

        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];

        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("note")]
        public string? Note { get; set; }

        [JsonPropertyName("tags")]
        public List<string?>? Tags { get; set; }

        [JsonPropertyName("detail")]
        public Detail? Detail { get; set; }
    }

    public static Row MakeRow(int i) => Fill(new Row(), i);

    // Nulls, empty and null lists, null list elements and null structs, so every level shape is copied.
    public static T Fill<T>(T row, int i)
        where T : Row
    {
        row.Label = i % 3;
        row.Probabilities = [0.5, 0.25, 0.25];
        row.Id = i;
        row.Note = i % 4 == 0 ? null : "note " + new string('x', i % 7);
        row.Tags = (i % 5) switch { 0 => null, 1 => [], 2 => ["a", null, "b" + i], _ => [i.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
        row.Detail = i % 6 == 0 ? null : new Detail { Score = i % 4 == 1 ? null : i, Text = i % 3 == 0 ? null : "t" + i };
        return row;
    }

    [Fact]
    public async Task WritesInterleavedRunsFromManyBatchesInAppendOrderWithEveryColumnIntact()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("in"));
        Directory.CreateDirectory(temp.Combine("out"));
        Row[] rows = Enumerable.Range(0, 30).Select(MakeRow).ToArray();
        await ParquetSerializer.SerializeAsync(rows, temp.Combine("in", "data.parquet"), new ParquetOptions { RowGroupSize = 10 });
        InputDataset input = await InputDataset.OpenAsync(temp.Combine("in"));
        Assert.Equal(3, input.Partitions.Count);

        // Runs as a merge would append them: (group, first row, count), taking turns between the groups.
        (int Group, int First, int Count)[] runs = [(1, 0, 3), (0, 0, 1), (2, 0, 5), (0, 1, 6), (1, 3, 7), (2, 5, 5), (0, 7, 3)];
        var batches = new List<InputBatch>();
        var sources = new List<GatherSource>();
        await using (OrderedPartWriter writer = await OrderedPartWriter.CreateAsync(temp.Combine("out"), "run", input.Schema, Added, new GatherLimits(RowGroupRows: 4, RowsPerFile: 12)))
        {
            foreach (InputPartition partition in input.Partitions)
            {
                InputBatch batch = await input.ReadAsync(partition);
                batches.Add(batch);
                sources.Add(writer.Source(batch, ValuesFor(partition.Index, batch.Count)));
            }
            foreach ((int group, int first, int count) in runs)
            {
                await writer.AppendAsync(sources[group], first, count);
            }
            Assert.Equal(30, writer.RowCount);

            // Appends copy: the batches can go before the last row groups are written.
            foreach (GatherSource source in sources) source.Dispose();
            foreach (InputBatch batch in batches) batch.Dispose();
            Assert.Equal(0, input.BatchesInUse);
            await writer.CompleteAsync();
        }

        int[] order = runs.SelectMany(r => Enumerable.Range((r.Group * 10) + r.First, r.Count)).ToArray();
        string[] files = Directory.GetFiles(temp.Combine("out")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([PartFileName.Of(0, "run"), PartFileName.Of(1, "run"), PartFileName.Of(2, "run")], files.Select(Path.GetFileName));
        var groupSizes = new List<long>();
        foreach (string file in files)
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(file);
            groupSizes.AddRange(Enumerable.Range(0, reader.RowGroupCount).Select(g => reader.OpenRowGroupReader(g).RowCount));
        }
        Assert.Equal([4, 4, 4, 4, 4, 4, 4, 2], groupSizes);

        // Every leaf column, row by row, exactly as stored: levels and values.
        Dictionary<string, List<string>> before = await StoredRowsAsync(input);
        Dictionary<string, List<string>> after = await StoredRowsAsync(await InputDataset.OpenAsync(temp.Combine("out")));
        Assert.Equal(input.Schema.PassThroughColumns.Concat(Added.Select(a => a.Name)), after.Keys);
        foreach (string column in input.Schema.PassThroughColumns)
        {
            Assert.Equal(order.Select(i => before[column][i]), after[column]);
        }
        Assert.Contains(before[before.Keys.Single(k => k.StartsWith("tags", StringComparison.Ordinal))], r => r.Contains("1:2=·", StringComparison.Ordinal));
        Assert.Equal(order.Select(i => $"0:0={1000 + i} "), after["issue_rank"]);
        Assert.Equal(order.Select(i => i % 2 == 0 ? "0:0=· " : $"0:1=n{i} "), after["note2"]);
    }

    [Fact]
    public async Task NoRowsWriteNoFileAndABatchOfAnotherShapeIsRefused()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("in"), Data.Make(5, 3), new SyntheticLayout());
        InputDataset input = await InputDataset.OpenAsync(temp.Combine("in"));
        Directory.CreateDirectory(temp.Combine("out"));
        await using (OrderedPartWriter writer = await OrderedPartWriter.CreateAsync(temp.Combine("out"), "run", input.Schema, Added))
        {
            using InputBatch batch = await input.ReadAsync(input.Partitions[0]);
            Assert.Throws<ArgumentException>(() => writer.Source(batch, [AddedValues.Of(new long[batch.Count])]));
            using GatherSource source = writer.Source(batch, ValuesFor(0, batch.Count));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => writer.AppendAsync(source, 3, 3));
        }
        Assert.Empty(Directory.GetFiles(temp.Combine("out")));
    }

    private static AddedValues[] ValuesFor(int group, int count) =>
    [
        AddedValues.Of(Enumerable.Range(0, count).Select(r => 1000L + (group * 10) + r).ToArray()),
        AddedValues.Of(Enumerable.Range(0, count).Select(r => ((group * 10) + r) % 2 == 0 ? null : "n" + ((group * 10) + r)).ToArray()),
    ];

    private static async Task<Dictionary<string, List<string>>> StoredRowsAsync(InputDataset dataset)
    {
        var rows = new Dictionary<string, List<string>>();
        foreach (InputPartition partition in dataset.Partitions)
        {
            using InputBatch batch = await dataset.ReadAsync(partition);
            foreach (PassThroughColumn column in batch.Columns)
            {
                (rows.TryGetValue(column.Name, out List<string>? list) ? list : rows[column.Name] = []).AddRange(StoredRows(column));
            }
        }
        return rows;
    }

    // One text per row: "repetition:definition=value" per level entry, "·" where the entry holds no value.
    private static List<string> StoredRows(PassThroughColumn column)
    {
        string[] values = column switch
        {
            PassThroughColumn<int> c => c.Values.ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
            PassThroughColumn<long> c => c.Values.ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
            PassThroughColumn<double> c => c.Values.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
            PassThroughColumn<ReadOnlyMemory<char>> c => c.Values.ToArray().Select(v => v.ToString()).ToArray(),
            _ => throw new NotSupportedException(column.GetType().Name),
        };
        ReadOnlySpan<int> definition = column.DefinitionLevels;
        ReadOnlySpan<int> repetition = column.RepetitionLevels;
        int max = column.Field.MaxDefinitionLevel;
        int entries = !definition.IsEmpty ? definition.Length : !repetition.IsEmpty ? repetition.Length : values.Length;
        var rows = new List<string>();
        var row = new StringBuilder();
        int value = 0;
        for (int entry = 0; entry < entries; entry++)
        {
            int rep = repetition.IsEmpty ? 0 : repetition[entry];
            if (rep == 0 && entry > 0)
            {
                rows.Add(row.ToString());
                row.Clear();
            }
            int def = definition.IsEmpty ? max : definition[entry];
            row.Append(CultureInfo.InvariantCulture, $"{rep}:{def}={(def == max ? values[value++] : "·")} ");
        }
        if (entries > 0) rows.Add(row.ToString());
        return rows;
    }
}
