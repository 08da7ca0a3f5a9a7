using System.Diagnostics;
using Parquet;
using Parquet.Schema;
using ParquetSharp;

// dotnet run -c Release --project bench/SparkCleanlab.Bench.ParquetLibraries -- FOLDER
// FOLDER holds part files written by `generate` (an int label column and a list<double> column pred_probs).
// Each library reads both columns of every file and writes them back, snappy-compressed, in row groups of the
// same size; the table gives seconds per phase over all files.
//    or: dotnet run -c Release --project bench/SparkCleanlab.Bench.ParquetLibraries -- pages FOLDER TARGET
// Writes the label and pred_probs columns of FOLDER's part files to TARGET in the same row groups, in pages of
// about 1 MB as Spark (parquet-mr) and Arrow write them; Parquet.Net, which `generate` uses, writes a column chunk
// as one page.
//    or: dotnet run -c Release --project bench/SparkCleanlab.Bench.ParquetLibraries -- chunk parquet.net|parquetsharp FILE
// Reads the pred_probs column chunk of FILE's second row group (values and levels) with one library, three times,
// and prints each read's time and the process's peak working set; run once per library, each in its own process.
if (args[0] == "chunk")
{
    for (var round = 0; round < 3; round++)
    {
        var clock = Stopwatch.StartNew();
        var levels = args[1] == "parquet.net" ? await ParquetNetChunkAsync(args[2]) : ParquetSharpChunk(args[2]);
        Console.WriteLine($"{args[1]}: {levels:N0} levels in {clock.ElapsedMilliseconds} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB");
    }

    return;
}

if (args[0] == "pages")
{
    Directory.CreateDirectory(args[2]);
    foreach (var file in Directory.GetFiles(args[1], "*.parquet").Order(StringComparer.Ordinal))
    {
        var (read, _) = ReadWithLevels(file);
        using var writer = SharpWriter(Path.Combine(args[2], Path.GetFileName(file)));
        WriteWithLevels(writer, read);
        writer.Close();
    }

    return;
}

var files = Directory.GetFiles(args[0], "*.parquet").Order(StringComparer.Ordinal).ToArray();
var scratch = Directory.CreateTempSubdirectory("parquet-libraries-").FullName;
try
{
    var rows = new List<(string Library, double Read, double Write)>();
    for (var round = 0; round < 2; round++)
    {
        rows.Add(await ParquetNetAsync(files, scratch));
        rows.Add(ParquetSharpRun(files, scratch));
        rows.Add(ParquetSharpLevelsRun(files, scratch));
    }

    Console.WriteLine("| library | read s | write s |");
    Console.WriteLine("|---|---|---|");
    foreach (var (library, read, write) in rows.Skip(3))
    {
        Console.WriteLine($"| {library} | {read:F2} | {write:F2} |");
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

static async Task<(string, double, double)> ParquetNetAsync(string[] files, string scratch)
{
    var (read, write) = (TimeSpan.Zero, TimeSpan.Zero);
    foreach (var file in files)
    {
        var clock = Stopwatch.StartNew();
        var groups = new List<(int[] Labels, double[] Values, int[] Definition, int[] Repetition)>();
        await using (var stream = File.OpenRead(file))
        await using (var reader = await ParquetReader.CreateAsync(stream))
        {
            var fields = reader.Schema.GetDataFields();
            var (label, element) = (fields.First(f => f.Name == "label"), fields.First(f => f.Path.ToString().StartsWith("pred_probs", StringComparison.Ordinal)));
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var labels = new int[group.RowCount];
                await group.ReadRawAsync(label, labels.AsMemory(), null, null);
                var levels = checked((int)group.GetMetadata(element)!.MetaData!.NumValues);
                var (values, definition, repetition) = (new double[levels], new int[levels], new int[levels]);
                await group.ReadRawAsync(element, values.AsMemory(), definition.AsMemory(), repetition.AsMemory());
                groups.Add((labels, values, definition, repetition));
            }
        }

        read += clock.Elapsed;
        clock.Restart();
        var schema = new ParquetSchema(new DataField<int>("label"), new ListField("pred_probs", new DataField("element", typeof(double), false)));
        var outFields = schema.GetDataFields();
        await using (var stream = File.Create(Path.Combine(scratch, "net-" + Path.GetFileName(file))))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }))
        {
            foreach (var (labels, values, definition, repetition) in groups)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAllPartsAsync<int>(outFields[0], labels, null, null, CancellationToken.None);
                await group.WriteAllPartsAsync<double>(outFields[1], values, definition, repetition, CancellationToken.None);
            }
        }

        write += clock.Elapsed;
    }

    return ("Parquet.Net 6.1.0", read.TotalSeconds, write.TotalSeconds);
}

static (string, double, double) ParquetSharpRun(string[] files, string scratch)
{
    var (read, write) = (TimeSpan.Zero, TimeSpan.Zero);
    foreach (var file in files)
    {
        var clock = Stopwatch.StartNew();
        var groups = new List<(int[] Labels, double[][] Values)>();
        using (var reader = new ParquetFileReader(file))
        {
            var (label, list) = SharpColumns(reader);
            for (var g = 0; g < reader.FileMetaData.NumRowGroups; g++)
            {
                using var group = reader.RowGroup(g);
                var count = checked((int)group.MetaData.NumRows);
                using var labels = group.Column(label).LogicalReader<int>();
                using var values = group.Column(list).LogicalReader<double[]>();
                groups.Add((labels.ReadAll(count), values.ReadAll(count)));
            }
        }

        read += clock.Elapsed;
        clock.Restart();
        using (var writer = SharpWriter(Path.Combine(scratch, "sharp-" + Path.GetFileName(file))))
        {
            foreach (var (labels, values) in groups)
            {
                using var group = writer.AppendRowGroup();
                using (var labelWriter = group.NextColumn().LogicalWriter<int>())
                {
                    labelWriter.WriteBatch(labels);
                }

                using var valueWriter = group.NextColumn().LogicalWriter<double[]>();
                valueWriter.WriteBatch(values);
            }

            writer.Close();
        }

        write += clock.Elapsed;
    }

    return ("ParquetSharp 25.0.1.2", read.TotalSeconds, write.TotalSeconds);
}

// ParquetSharp's column readers and writers with levels, as the job hands values and levels to Parquet.Net.
static (string, double, double) ParquetSharpLevelsRun(string[] files, string scratch)
{
    var (read, write) = (TimeSpan.Zero, TimeSpan.Zero);
    foreach (var file in files)
    {
        var (groups, took) = ReadWithLevels(file);
        read += took;
        var clock = Stopwatch.StartNew();
        using (var writer = SharpWriter(Path.Combine(scratch, "levels-" + Path.GetFileName(file))))
        {
            WriteWithLevels(writer, groups);
            writer.Close();
        }

        write += clock.Elapsed;
    }

    return ("ParquetSharp 25.0.1.2, column readers with levels", read.TotalSeconds, write.TotalSeconds);
}

static (List<(int[] Labels, double[] Values, short[] Definition, short[] Repetition)>, TimeSpan) ReadWithLevels(string file)
{
    var clock = Stopwatch.StartNew();
    var groups = new List<(int[] Labels, double[] Values, short[] Definition, short[] Repetition)>();
    using var reader = new ParquetFileReader(file);
    var (label, list) = SharpColumns(reader);
    for (var g = 0; g < reader.FileMetaData.NumRowGroups; g++)
    {
        using var group = reader.RowGroup(g);
        var count = checked((int)group.MetaData.NumRows);
        var labels = new int[count];
        using (var labelReader = (ColumnReader<int>)group.Column(label))
        {
            var done = 0;
            while (done < count)
            {
                done += (int)labelReader.ReadBatch(count - done, labels.AsSpan(done), out _);
            }
        }

        var levels = checked((int)group.MetaData.GetColumnChunkMetaData(list).NumValues);
        var (values, definition, repetition) = (new double[levels], new short[levels], new short[levels]);
        using (var valueReader = (ColumnReader<double>)group.Column(list))
        {
            var (levelsRead, valuesRead) = (0, 0);
            while (levelsRead < levels)
            {
                var n = (int)valueReader.ReadBatch(levels - levelsRead, definition.AsSpan(levelsRead), repetition.AsSpan(levelsRead), values.AsSpan(valuesRead), out var got);
                levelsRead += n;
                valuesRead += (int)got;
            }
        }

        groups.Add((labels, values, definition, repetition));
    }

    return (groups, clock.Elapsed);
}

static void WriteWithLevels(ParquetFileWriter writer, List<(int[] Labels, double[] Values, short[] Definition, short[] Repetition)> groups)
{
    foreach (var (labels, values, definition, repetition) in groups)
    {
        using var group = writer.AppendRowGroup();
        using (var labelWriter = (ColumnWriter<int>)group.NextColumn())
        {
            labelWriter.WriteBatch(labels);
        }

        using var valueWriter = (ColumnWriter<double>)group.NextColumn();
        valueWriter.WriteBatch(definition.Length, definition, repetition, values);
    }
}

static (int Label, int List) SharpColumns(ParquetFileReader reader)
{
    var columns = Enumerable.Range(0, reader.FileMetaData.NumColumns).Select(c => reader.FileMetaData.Schema.Column(c).Path.ToDotString()).ToList();
    return (columns.IndexOf("label"), columns.FindIndex(c => c.StartsWith("pred_probs", StringComparison.Ordinal)));
}

// Both ParquetSharp runs write the same schema with the same compression, so only the column API differs.
static ParquetFileWriter SharpWriter(string path) =>
    new(path, [new Column<int>("label"), new Column<double[]>("pred_probs")], new WriterPropertiesBuilder().Compression(Compression.Snappy).Build());

// The whole chunk into arrays of its size, as the job read it with Parquet.Net.
static async Task<long> ParquetNetChunkAsync(string file)
{
    await using var reader = await ParquetReader.CreateAsync(file);
    using var group = reader.OpenRowGroupReader(1);
    var element = reader.Schema.GetDataFields().First(f => f.Path.ToString().StartsWith("pred_probs", StringComparison.Ordinal));
    var levels = checked((int)group.GetMetadata(element)!.MetaData!.NumValues);
    await group.ReadRawAsync<double>(element, new double[levels], new int[levels], new int[levels]);
    return levels;
}

// Batches of 64K levels, as the job reads a slice with ParquetSharp.
static long ParquetSharpChunk(string file)
{
    using var reader = new ParquetFileReader(file);
    using var group = reader.RowGroup(1);
    using var column = (ColumnReader<double>)group.Column(SharpColumns(reader).List);
    const int batch = 1 << 16;
    var (definition, repetition, values) = (new short[batch], new short[batch], new double[batch]);
    long levels = 0;
    while (column.HasNext)
    {
        levels += column.ReadBatch(batch, definition, repetition, values, out _);
    }

    return levels;
}
