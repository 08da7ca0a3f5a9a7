using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Tests.Reading;

/// <summary>
/// A row group read in slices of rows gives, slice after slice, exactly the columns it gives read whole, and both
/// give exactly what Parquet.Net decodes, for every kind of column a data lake holds.
/// </summary>
public class SlicedReadingTests : IDisposable
{
    private const int Rows = 10_000;
    private const int RowGroupRows = 5_000;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // The columns the writer tests copy, plus the types only Parquet.Net maps (dates, decimals, small integers) and
    // strings that are empty or not ASCII.
    public class Row : Writing.OrderedPartWriterTests.Row
    {
        [JsonPropertyName("remark")]
        public string? Remark { get; set; }

        [JsonPropertyName("score")]
        public float? Score { get; set; }

        [JsonPropertyName("flag")]
        public bool Flag { get; set; }

        [JsonPropertyName("when")]
        public DateTime When { get; set; }

        [JsonPropertyName("price")]
        public decimal Price { get; set; }

        [JsonPropertyName("small")]
        public short? Small { get; set; }
    }

    [Fact]
    public async Task SlicesReadInOrderEqualTheRowGroupReadWholeAndWhatParquetNetDecodes()
    {
        string file = await WriteAsync();
        InputDataset whole = await InputDataset.OpenAsync(file);
        InputDataset sliced = await InputDataset.OpenAsync(file, new InputSchemaOptions { BatchBytes = 100_000 });

        Assert.Equal(2, whole.Partitions.Count);
        Assert.True(sliced.Partitions.Count >= 6, $"{sliced.Partitions.Count} partitions");
        Assert.All(sliced.Partitions, p => Assert.Equal((p.RowGroup * (long)RowGroupRows) + p.FirstRow, p.FirstPosition));
        Assert.Equal(Rows, sliced.Partitions.Sum(p => p.RowCount));

        var parquetNet = await ParquetNetColumnsAsync(file);
        var wholeColumns = await ColumnsAsync(whole, whole.Partitions);
        var slicedColumns = await ColumnsAsync(sliced, sliced.Partitions);
        Assert.Equal(parquetNet.Keys.Order(), wholeColumns.Keys.Order());
        foreach (var (name, expected) in parquetNet)
        {
            Assert.Equal(expected, wholeColumns[name]);
            Assert.Equal(expected, slicedColumns[name]);
        }
    }

    public class ListRow
    {
        [JsonPropertyName("label")]
        public int Label { get; set; }

        [JsonPropertyName("pred_probs")]
        public double[] Probabilities { get; set; } = [];

        [JsonPropertyName("long_list")]
        public List<int?>? LongList { get; set; }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RowsLongerThanAReadOrAPageAreNeverSplitBetweenSlices(bool smallPages)
    {
        // Lists of up to 300 entries: in one page per column chunk (as Parquet.Net writes) the reader's 64K-entry reads
        // end inside rows; in pages of 1 KB (as small as Arrow writes them) the pages are shorter than the rows. A
        // slice must still end on a row.
        const int rows = 6_000;
        const int rowGroupRows = 3_000;
        var data = Enumerable.Range(0, rows).Select(i => new ListRow
        {
            Label = i % 3,
            Probabilities = [0.5, 0.25, 0.25],
            LongList = i % 11 == 0 ? null : Enumerable.Range(0, (i * 37) % 301).Select(j => j % 5 == 0 ? (int?)null : j).ToList(),
        }).ToList();
        string file = _temp.Combine("lists.parquet");
        if (smallPages)
        {
            var columns = new ParquetSharp.Column[] { new ParquetSharp.Column<int>("label"), new ParquetSharp.Column<double[]>("pred_probs"), new ParquetSharp.Column<int?[]?>("long_list") };
            using var properties = new ParquetSharp.WriterPropertiesBuilder().DataPagesize(1024).Build();
            using var writer = new ParquetSharp.ParquetFileWriter(file, columns, properties);
            foreach (var chunk in data.Chunk(rowGroupRows))
            {
                using ParquetSharp.RowGroupWriter group = writer.AppendRowGroup();
                using (var labels = group.NextColumn().LogicalWriter<int>()) labels.WriteBatch(chunk.Select(r => r.Label).ToArray());
                using (var probabilities = group.NextColumn().LogicalWriter<double[]>()) probabilities.WriteBatch(chunk.Select(r => r.Probabilities).ToArray());
                using var lists = group.NextColumn().LogicalWriter<int?[]?>();
                lists.WriteBatch(chunk.Select(r => r.LongList?.ToArray()).ToArray());
            }

            writer.Close();
        }
        else
        {
            await ParquetSerializer.SerializeAsync(data, file, new ParquetOptions { RowGroupSize = rowGroupRows });
        }

        InputDataset sliced = await InputDataset.OpenAsync(file, new InputSchemaOptions { BatchBytes = 500_000 });
        Assert.True(sliced.Partitions.Count > rows / rowGroupRows, $"{sliced.Partitions.Count} partitions");

        var parquetNet = await ParquetNetColumnsAsync(file);
        var slicedColumns = await ColumnsAsync(sliced, sliced.Partitions);
        Assert.Equal(parquetNet.Keys.Order(), slicedColumns.Keys.Order());
        foreach (var (name, expected) in parquetNet) Assert.Equal(expected, slicedColumns[name]);
    }

    [Fact]
    public async Task ASliceReadOnItsOwnOrAfterALaterOneIsTheSameSlice()
    {
        string file = await WriteAsync();
        InputDataset sliced = await InputDataset.OpenAsync(file, new InputSchemaOptions { BatchBytes = 100_000 });
        var inOrder = new List<Dictionary<string, Dump>>();
        using (PartitionReader reader = sliced.OpenReader())
        {
            foreach (InputPartition partition in sliced.Partitions)
            {
                using InputBatch batch = await reader.ReadAsync(partition);
                inOrder.Add(DumpAll(batch));
            }
        }

        // Backwards with one reader: each read goes back, so the row group is opened again and read up to the slice.
        using (PartitionReader reader = sliced.OpenReader())
        {
            for (int p = sliced.Partitions.Count - 1; p >= 0; p--)
            {
                using InputBatch batch = await reader.ReadAsync(sliced.Partitions[p]);
                AssertSame(inOrder[p], DumpAll(batch));
            }
        }

        // Every other slice with one reader: the ones between are skipped.
        using (PartitionReader reader = sliced.OpenReader())
        {
            for (int p = 1; p < sliced.Partitions.Count; p += 2)
            {
                using InputBatch batch = await reader.ReadAsync(sliced.Partitions[p]);
                AssertSame(inOrder[p], DumpAll(batch));
            }
        }

        Assert.Equal(0, sliced.BatchesInUse);
    }

    [Fact]
    public async Task LabelsAndProbabilitiesDecodedFromSlicesEqualThoseOfTheWholeRowGroup()
    {
        string file = await WriteAsync();
        var whole = await Data.ReadAllAsync(await InputDataset.OpenAsync(file));
        var sliced = await Data.ReadAllAsync(await InputDataset.OpenAsync(file, new InputSchemaOptions { BatchBytes = 100_000 }));

        Assert.Equal(whole.Labels, sliced.Labels);
        Assert.Equal(whole.Probabilities, sliced.Probabilities);
        Assert.Empty(whole.Problems);
        Assert.Empty(sliced.Problems);
    }

    [Fact]
    public async Task AWideRowGroupIsOpenedWithChunkBuffersThatDoNotGrowWithItsColumns()
    {
        const int columns = 1000;
        const int rows = 2000;
        string file = _temp.Combine("wide.parquet");
        var schema = new ParquetSchema(new Field[] { new DataField<int>("label") }.Concat(Enumerable.Range(0, columns).Select(c => new DataField<double?>("p_" + c))));
        await using (Stream stream = File.Create(file))
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream))
        using (ParquetRowGroupWriter group = writer.CreateRowGroup())
        {
            int[] definitionLevels = Enumerable.Range(0, rows).Select(r => r % 7 == 0 ? 0 : 1).ToArray();
            double[] values = Enumerable.Range(0, rows).Where(r => r % 7 != 0).Select(r => (double)r).ToArray();
            await group.WriteAsync(schema.GetDataFields()[0], (ReadOnlyMemory<int>)Enumerable.Range(0, rows).Select(r => r % columns).ToArray());
            foreach (DataField field in schema.GetDataFields().Skip(1))
            {
                await group.WriteAllPartsAsync<double>(field, values, definitionLevels, null, default);
            }
        }

        InputDataset dataset = await InputDataset.OpenAsync(file, new InputSchemaOptions { ProbabilityPrefix = "p_", ColumnsOnly = true });
        long before = GC.GetTotalAllocatedBytes(precise: true);
        using (InputBatch batch = await dataset.ReadAsync(dataset.Partitions[0]))
        {
            Assert.Equal(columns + 1, batch.Columns.Count);
            Assert.All(batch.Columns, c => Assert.Equal(rows, c.RowCount));
        }

        // The values and levels themselves are 2000 rows x 1000 columns x 12 bytes, 24 MB; a 64K-entry chunk per column was 625 MiB.
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 100L << 20, $"{allocated >> 20} MiB allocated to read the row group");
    }

    [Theory]
    [InlineData("std::bad_alloc", "std::bad_alloc", true)]
    [InlineData("parquet::ParquetStatusException", "Out of memory: malloc of size 134217728 failed", true)]
    [InlineData("parquet::ParquetException", "Unexpected end of stream", false)]
    public void ANativeAllocationFailureIsOutOfMemoryAndEveryOtherNativeErrorAnInputError(string type, string message, bool outOfMemory)
    {
        var inputError = new InputDataException("Cannot read column data", "Rewrite the file.", file: "f.parquet");
        Exception failure = SparkCleanlab.Parquet.Reading.Slices.NativeFailure.Of(new ParquetSharp.ParquetException(type, message), inputError);
        if (outOfMemory) Assert.IsType<OutOfMemoryException>(failure);
        else Assert.Same(inputError, failure);
    }

    private static void AssertSame(Dictionary<string, Dump> expected, Dictionary<string, Dump> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, dump) in expected) Assert.Equal(dump, actual[name]);
    }

    private async Task<string> WriteAsync()
    {
        var rows = Enumerable.Range(0, Rows).Select(i => Writing.OrderedPartWriterTests.Fill(
            new Row
            {
                Remark = (i % 5) switch { 0 => null, 1 => "", 2 => "héllo ✓ " + i, _ => new string('n', i % 37) },
                Score = i % 4 == 0 ? null : i / 3f,
                Flag = i % 3 == 1,
                When = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                Price = i / 100m,
                Small = i % 9 == 0 ? null : (short)(i % 1000),
            },
            i)).ToList();
        string file = _temp.Combine("input.parquet");
        await ParquetSerializer.SerializeAsync(rows, file, new ParquetOptions { RowGroupSize = RowGroupRows });
        return file;
    }

    // Each leaf column of the file, every row group read whole by Parquet.Net, concatenated.
    private static async Task<Dictionary<string, Dump>> ParquetNetColumnsAsync(string file)
    {
        var columns = new Dictionary<string, Dump>();
        await using ParquetReader reader = await ParquetReader.CreateAsync(file);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            foreach (DataField field in reader.Schema.GetDataFields())
            {
                using PassThroughColumn column = await PassThroughColumn.ReadAsync(group, field, CancellationToken.None);
                Append(columns, column);
            }
        }

        return columns;
    }

    // Each leaf column as the dataset reads it, partition after partition with one reader, concatenated.
    private static async Task<Dictionary<string, Dump>> ColumnsAsync(InputDataset dataset, IEnumerable<InputPartition> partitions)
    {
        var columns = new Dictionary<string, Dump>();
        using PartitionReader reader = dataset.OpenReader();
        foreach (InputPartition partition in partitions)
        {
            using InputBatch batch = await reader.ReadAsync(partition);
            foreach (PassThroughColumn column in batch.Columns) Append(columns, column);
        }

        return columns;
    }

    private static Dictionary<string, Dump> DumpAll(InputBatch batch)
    {
        var columns = new Dictionary<string, Dump>();
        foreach (PassThroughColumn column in batch.Columns) Append(columns, column);
        return columns;
    }

    private static void Append(Dictionary<string, Dump> columns, PassThroughColumn column)
    {
        if (!columns.TryGetValue(column.Name, out Dump? dump)) columns[column.Name] = dump = new Dump();
        dump.Rows += column.RowCount;
        dump.DefinitionLevels.AddRange(column.DefinitionLevels.ToArray());
        dump.RepetitionLevels.AddRange(column.RepetitionLevels.ToArray());
        Type type = column.GetType().GetGenericArguments()[0];
        dump.Values.AddRange((IEnumerable<string>)typeof(SlicedReadingTests).GetMethod(nameof(ValuesOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [column])!);
    }

    private static IEnumerable<string> ValuesOf<T>(PassThroughColumn<T> column)
        where T : struct =>
        column.Values.ToArray().Select(v => v switch
        {
            ReadOnlyMemory<char> chars => "s:" + chars.ToString(),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
            _ => string.Format(CultureInfo.InvariantCulture, "{0}", v),
        }).ToList();

    private sealed record Dump
    {
        public int Rows { get; set; }

        public List<int> DefinitionLevels { get; } = [];

        public List<int> RepetitionLevels { get; } = [];

        public List<string> Values { get; } = [];

        public bool Equals(Dump? other) =>
            other is not null && Rows == other.Rows && DefinitionLevels.SequenceEqual(other.DefinitionLevels)
            && RepetitionLevels.SequenceEqual(other.RepetitionLevels) && Values.SequenceEqual(other.Values);

        public override int GetHashCode() => Rows;
    }
}
