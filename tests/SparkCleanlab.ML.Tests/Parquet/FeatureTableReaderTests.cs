using Parquet;
using Parquet.Schema;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.ML.Parquet;
using SparkCleanlab.Plan;

namespace SparkCleanlab.ML.Tests.Parquet;

public sealed class FeatureTableReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feature-reader-" + Guid.NewGuid().ToString("N"));

    public FeatureTableReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Default_features_are_the_numeric_columns_but_label_id_and_probabilities()
    {
        string file = await WriteMixedAsync("a.parquet");

        FeatureData data = await FeatureTableReader.ReadAsync(file);

        Assert.Equal(["x", "v"], data.Table.Columns.Select(c => c.Name));
        Assert.Equal([FeatureKind.Numeric, FeatureKind.Vector], data.Table.Columns.Select(c => c.Kind));
        Assert.Equal(2, data.Table.Columns[1].VectorLength);
        Assert.Equal(["cat", "dog", "emu"], data.ClassNames);
        Assert.Equal([1, 0, 2, 1], data.Labels);
        Assert.Equal(3, data.ClassCount);
    }

    [Fact]
    public async Task Named_categorical_and_text_columns_and_a_class_list_are_honoured()
    {
        string file = await WriteMixedAsync("a.parquet");

        FeatureData data = await FeatureTableReader.ReadAsync(file, new FeatureReadOptions
        {
            Features = ["x"], Categorical = ["colour"], Text = ["note"], Classes = ["emu", "dog", "cat"],
        });

        Assert.Equal(["x", "colour", "note"], data.Table.Columns.Select(c => c.Name));
        Assert.Equal([FeatureKind.Numeric, FeatureKind.Categorical, FeatureKind.Text], data.Table.Columns.Select(c => c.Kind));
        Assert.Equal([1, 2, 0, 1], data.Labels);
    }

    [Fact]
    public async Task Rows_follow_the_files_in_path_order()
    {
        await WriteMixedAsync("part-1.parquet");
        await WriteMixedAsync("part-0.parquet", labels: ["emu", "emu", "emu", "emu"]);

        FeatureData data = await FeatureTableReader.ReadAsync(_folder);

        Assert.Equal([2, 2, 2, 2, 1, 0, 2, 1], data.Labels);
        Assert.Equal(8, data.Table.RowCount);
    }

    [Theory]
    [InlineData("missing", "not found")]
    [InlineData("note", "has type string")]
    public async Task A_missing_or_mistyped_feature_column_is_an_input_error_naming_it(string column, string problem)
    {
        string file = await WriteMixedAsync("a.parquet");

        var e = await Assert.ThrowsAsync<InputDataException>(() => FeatureTableReader.ReadAsync(file, new FeatureReadOptions { Features = ["x", column] }));

        Assert.Equal(column, e.Column);
        Assert.Equal(file, e.File);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_column_find_issues_would_reject_is_rejected_before_training()
    {
        string path = Path.Combine(_folder, "u.parquet");
        var label = new DataField<ulong>("label");
        var x = new DataField<double>("x");
        await using (FileStream stream = File.Create(path))
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(label, x), stream))
        using (ParquetRowGroupWriter group = writer.CreateRowGroup())
        {
            await group.WriteAsync(label, (ReadOnlyMemory<ulong>)new ulong[] { 0, 1 });
            await group.WriteAsync(x, (ReadOnlyMemory<double>)new double[] { 0.5, 1.5 });
        }

        var e = await Assert.ThrowsAsync<InputDataException>(() => FeatureTableReader.ReadAsync(path, new FeatureReadOptions()));

        Assert.Equal("label", e.Column);
        Assert.Contains("expected an integer (int8..int64) or a string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_outside_the_class_list_is_an_input_error_naming_it()
    {
        string file = await WriteMixedAsync("a.parquet");

        var e = await Assert.ThrowsAsync<InputDataException>(() => FeatureTableReader.ReadAsync(file, new FeatureReadOptions { Classes = ["cat", "dog"] }));

        Assert.Contains("'emu'", e.Message, StringComparison.Ordinal);
        Assert.Equal("label", e.Column);
    }

    [Fact]
    public async Task Features_beyond_the_memory_budget_say_to_bring_upstream_predictions()
    {
        string file = await WriteMixedAsync("a.parquet");

        var e = await Assert.ThrowsAsync<DataTooLargeException>(() => FeatureTableReader.ReadAsync(file, new FeatureReadOptions { MemoryBudgetBytes = 16 }));

        Assert.Contains("instead of --train", e.Message, StringComparison.Ordinal);
    }

    // Four rows: label (string), id, x (nullable double), v (list of 2 doubles), colour, note, p_0, p_1, pred_probs.
    private async Task<string> WriteMixedAsync(string name, string[]? labels = null)
    {
        string path = Path.Combine(_folder, name);
        var label = new DataField<string>("label", true);
        var id = new DataField<long>("id");
        var x = new DataField<double?>("x");
        var v = new ListField("v", new DataField("element", typeof(double), false));
        var colour = new DataField<string>("colour", true);
        var note = new DataField<string>("note", true);
        var p0 = new DataField<double>("p_0");
        var p1 = new DataField<double>("p_1");
        var probs = new ListField("pred_probs", new DataField("element", typeof(double), false));
        var schema = new ParquetSchema(label, id, x, v, colour, note, p0, p1, probs);
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(label, labels ?? ["dog", "cat", "emu", "dog"], null);
        await group.WriteAsync(id, (ReadOnlyMemory<long>)new long[] { 0, 1, 2, 3 });
        await group.WriteAsync(x, (ReadOnlyMemory<double?>)new double?[] { 1, null, 3, 4 });
        await WriteListAsync(group, (DataField)v.Item, [1, 2, 3, 4, 5, 6, 7, 8]);
        await group.WriteAsync(colour, ["red", null!, "blue", "red"], null);
        await group.WriteAsync(note, ["a b", "c", "d e f", ""], null);
        await group.WriteAsync(p0, (ReadOnlyMemory<double>)new double[] { 0.5, 0.5, 0.5, 0.5 });
        await group.WriteAsync(p1, (ReadOnlyMemory<double>)new double[] { 0.5, 0.5, 0.5, 0.5 });
        await WriteListAsync(group, (DataField)probs.Item, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
        return path;
    }

    private static Task WriteListAsync(ParquetRowGroupWriter group, DataField element, double[] values)
    {
        int[] repetition = values.Select((_, i) => i % 2 == 0 ? 0 : 1).ToArray();
        int[] definition = Enumerable.Repeat(element.MaxDefinitionLevel, values.Length).ToArray();
        return group.WriteAllPartsAsync<double>(element, values, definition, repetition, default);
    }
}
