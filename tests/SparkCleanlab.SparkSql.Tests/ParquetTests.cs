using Parquet.Schema;
using Parquet.Serialization;

namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class ParquetTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private static async Task WriteAsync(string file, ParquetSchema schema, IReadOnlyCollection<IDictionary<string, object?>> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var stream = File.Create(file);
        await ParquetSerializer.SerializeUntypedAsync(rows, schema, stream);
    }

    private static ParquetSchema Schema() => new(
        new DataField<int>("i"),
        new DataField<long?>("l"),
        new DataField<double>("d"),
        new DataField<string>("s"),
        new DataField<bool>("b"),
        new DataField<float>("f"),
        new DecimalDataField("m", 10, 2),
        new DateTimeDataField("t", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros),
        new DateTimeDataField("n", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros),
        new DataField<uint>("u"),
        new ListField("p", new DataField<double>("element")));

    private static IDictionary<string, object?> Row(int i) => new Dictionary<string, object?>
    {
        ["i"] = i,
        ["l"] = i == 1 ? null : 10L * i,
        ["d"] = i / 4.0,
        ["s"] = $"s{i}",
        ["b"] = i % 2 == 0,
        ["f"] = 0.1f * i,
        ["m"] = 1.25m * i,
        ["t"] = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        ["n"] = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
        ["u"] = uint.MaxValue - (uint)i,
        ["p"] = new List<double> { 0.25 * i, 1 - (0.25 * i) },
    };

    [Fact]
    public async Task Reads_types_metadata_and_hive_partitions_like_spark()
    {
        var folder = _root.Combine("in put");
        await WriteAsync(Path.Combine(folder, "year=2024", "part=1", "a.parquet"), Schema(), [Row(0), Row(1), Row(2)]);
        await WriteAsync(Path.Combine(folder, "year=2024", "part=x", "b.parquet"), Schema(), [Row(3)]);
        File.WriteAllText(Path.Combine(folder, "_SUCCESS"), string.Empty);
        File.WriteAllText(Path.Combine(folder, ".hidden"), "not parquet");

        var frame = Sql.Session(seed: 5).ReadParquet(["file:" + folder]);
        Assert.Equal(
            ["i:int", "l:bigint", "d:double", "s:string", "b:boolean", "f:float", "m:decimal(10,2)", "t:timestamp", "n:timestamp_ntz", "u:bigint", "p:array<double>", "year:int", "part:string"],
            frame.Schema.Select(f => $"{f.Name}:{f.Type}"));
        var rows = frame.SelectExpr("i", "l", "m", "p", "year", "part", "u", "_metadata.file_path AS path", "_metadata.row_index AS idx", "_metadata.file_name AS name")
            .Collect().OrderBy(r => r.Int32(0)).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Null(rows[1][1]);
        Assert.Equal(2.5m, rows[2][2]);
        Assert.Equal(new object?[] { 0.5, 0.5 }, rows[2][3]);
        Assert.Equal(2024, rows[0][4]);
        Assert.Equal("x", rows[3][5]);
        Assert.Equal((long)uint.MaxValue, rows[0][6]);
        Assert.Equal("file:" + new Uri(Path.Combine(folder, "year=2024", "part=1", "a.parquet")).AbsolutePath, rows[0][7]);
        Assert.Contains("in%20put", rows[0].String(7));
        Assert.Equal(new object?[] { 0L, 1L, 2L, 0L }, rows.Select(r => r[8]));
        Assert.Equal("b.parquet", rows[3][9]);
        Assert.DoesNotContain(frame.Schema, f => f.Name == "_metadata");
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), frame.SelectExpr("t").Collect()[0][0]);
    }

    [Fact]
    public void Writes_parts_and_success_and_reads_them_back()
    {
        var session = Sql.Session(seed: 2, partitions: 3);
        var frame = Sql.Frame("k int;v double;s string;a array<int>;st struct<x:bigint,y:string>;m decimal(12,3);b boolean",
            [1, 0.5, "a", new object?[] { 1, null }, new object?[] { 5L, "q" }, 1.5m, true],
            [2, double.NaN, null, null, null, null, false],
            [3, -1.0, "c", Array.Empty<object?>(), new object?[] { null, "r" }, -2.25m, null]);
        var output = _root.Combine("out");
        frame.GroupByAgg(["k"], ["first(v) AS v", "first(s) AS s", "first(a) AS a", "first(st) AS st", "first(m) AS m", "first(b) AS b"]).WriteParquet(output);
        var files = Directory.GetFiles(output).Select(Path.GetFileName).ToList();
        Assert.Contains("_SUCCESS", files);
        Assert.All(files.Where(f => f != "_SUCCESS"), f => Assert.Matches(@"^part-\d{5}-[0-9a-f-]{36}-c000\.snappy\.parquet$", f));
        Assert.Throws<AnalysisException>(() => frame.WriteParquet(output));

        var back = session.ReadParquet([output]);
        Assert.Equal(["int", "double", "string", "array<int>", "struct<x:bigint,y:string>", "decimal(12,3)", "boolean"], back.Schema.Select(f => f.Type));
        var rows = back.Collect().OrderBy(r => r.Int32(0)).ToList();
        Assert.Equal(new object?[] { 1, 0.5, "a", new object?[] { 1, null }, new object?[] { 5L, "q" }, 1.5m, true }, rows[0].Values);
        Assert.True(double.IsNaN(rows[1].Double(1)));
        Assert.Null(rows[1][3]);
        Assert.Equal(Array.Empty<object?>(), rows[2][3]);
        Assert.Equal(new object?[] { null, "r" }, rows[2][4]);
    }

    [Fact]
    public void Writing_no_rows_leaves_one_file_with_the_schema()
    {
        var output = _root.Combine("empty");
        Sql.Frame("k int;s string", [1, "a"]).Filter("k > 1").WriteParquet(output);
        Assert.Single(Directory.GetFiles(output, "part-*"));
        var back = Sql.Session().ReadParquet([output]);
        Assert.Equal(["k", "s"], back.Schema.Select(f => f.Name));
        Assert.Equal(0, back.Count());
    }

    [Fact]
    public async Task Lists_keep_null_elements_empty_lists_and_null_lists_in_place()
    {
        var file = _root.Combine("lists", "a.parquet");
        var schema = new ParquetSchema(new DataField<int>("i"), new ListField("a", new DataField<double?>("element")), new ListField("s", new DataField<string>("element")));
        IDictionary<string, object?> Row(int i, List<double?>? a, List<ReadOnlyMemory<char>?>? s) => new Dictionary<string, object?> { ["i"] = i, ["a"] = a, ["s"] = s };
        await WriteAsync(file, schema,
        [
            Row(0, [1, null, 2], ["x".AsMemory(), null]),
            Row(1, [], []),
            Row(2, null, null),
            Row(3, [null, double.NaN], [null, "y".AsMemory()]),
            Row(4, [3, 4], ["z".AsMemory()]),
        ]);

        var rows = Sql.Session().ReadParquet([file]).Collect().OrderBy(r => r.Int32(0)).ToList();
        Assert.Equal(new object?[] { 1.0, null, 2.0 }, rows[0][1]);
        Assert.Equal(new object?[] { "x", null }, rows[0][2]);
        Assert.Equal(Array.Empty<object?>(), rows[1][1]);
        Assert.Equal(Array.Empty<object?>(), rows[1][2]);
        Assert.Null(rows[2][1]);
        Assert.Null(rows[2][2]);
        Assert.Equal(new object?[] { null, double.NaN }, rows[3][1]);
        Assert.Equal(new object?[] { null, "y" }, rows[3][2]);
        Assert.Equal(new object?[] { 3.0, 4.0 }, rows[4][1]);
        Assert.Equal(new object?[] { "z" }, rows[4][2]);
    }
}
