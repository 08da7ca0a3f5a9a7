using System.Globalization;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Synthetic;

/// <summary>
/// Writes generated or converted data sets as Parquet in either probability layout, split into a chosen number
/// of files and row groups; used by <c>generate</c>, tests and benchmarks.
/// </summary>
internal static class SyntheticDatasetWriter
{
    /// <summary>Writes <c>part-00000.parquet</c>... into <paramref name="folder"/> and returns the file paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, SyntheticDataset data, SyntheticLayout layout, CancellationToken cancellationToken = default)
    {
        if ((data.Labels is null) == (data.LabelNames is null)) throw new ArgumentException("set exactly one of Labels and LabelNames", nameof(data));
        if (layout.Layout == ProbabilityLayout.Npy) throw new ArgumentException("the npy layout is not Parquet", nameof(layout));
        Directory.CreateDirectory(folder);
        int rows = data.RowCount;
        var paths = new List<string>(layout.Files);
        for (int file = 0; file < layout.Files; file++)
        {
            (int first, int end) = Slice(rows, layout.Files, file);
            string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{file:D5}.parquet"));
            await WriteFileAsync(path, data, layout, first, end, cancellationToken);
            paths.Add(path);
        }
        return paths;
    }

    private static async Task WriteFileAsync(string path, SyntheticDataset data, SyntheticLayout layout, int first, int end, CancellationToken cancellationToken)
    {
        ParquetSchema schema = SchemaOf(data, layout);
        DataField[] fields = schema.GetDataFields();
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, false, cancellationToken);
        for (int group = 0; group < layout.RowGroupsPerFile; group++)
        {
            (int from, int to) = Slice(end - first, layout.RowGroupsPerFile, group);
            if (to == from && group > 0) continue;
            using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
            await WriteGroupAsync(rowGroup, fields, data, layout, first + from, first + to, cancellationToken);
        }
    }

    private static Task WriteGroupAsync(ParquetRowGroupWriter rowGroup, DataField[] fields, SyntheticDataset data, SyntheticLayout layout, int from, int to, CancellationToken cancellationToken)
    {
        var writes = new List<Func<Task>>();
        int f = 0;
        int k = data.ClassCount;
        int count = to - from;
        DataField labelField = fields[f++];
        writes.Add(data.Labels is not null
            ? () => rowGroup.WriteAsync(labelField, (ReadOnlyMemory<int>)data.Labels.AsMemory(from, count), null, null, cancellationToken)
            : () => rowGroup.WriteAsync(labelField, data.LabelNames![from..to], null));

        if (layout.Layout == ProbabilityLayout.ListColumn)
        {
            DataField element = fields[f++];
            int[] repetition = new int[count * k];
            for (int i = 0; i < repetition.Length; i++) repetition[i] = i % k == 0 ? 0 : 1;
            int[] definition = Enumerable.Repeat(element.MaxDefinitionLevel, count * k).ToArray();
            writes.Add(() => WriteProbabilitiesAsync(rowGroup, element, data.Probabilities.AsSpan(from * k, count * k).ToArray(), layout.SinglePrecision, definition, repetition, cancellationToken));
        }
        else
        {
            for (int c = 0; c < k; c++)
            {
                DataField column = fields[f++];
                double[] values = new double[count];
                for (int r = 0; r < count; r++) values[r] = data.Probabilities[(from + r) * k + c];
                writes.Add(() => WriteProbabilitiesAsync(rowGroup, column, values, layout.SinglePrecision, null, null, cancellationToken));
            }
        }
        if (data.TrueLabels is not null)
        {
            DataField field = fields[f++];
            writes.Add(() => rowGroup.WriteAsync(field, (ReadOnlyMemory<int>)data.TrueLabels.AsMemory(from, count), null, null, cancellationToken));
        }
        foreach (float[] feature in data.Features ?? [])
        {
            DataField field = fields[f++];
            writes.Add(() => rowGroup.WriteAsync(field, (ReadOnlyMemory<float>)feature.AsMemory(from, count), null, null, cancellationToken));
        }
        if (data.Ids is not null)
        {
            DataField field = fields[f++];
            writes.Add(() => rowGroup.WriteAsync(field, (ReadOnlyMemory<long>)data.Ids.AsMemory(from, count), null, null, cancellationToken));
        }
        return RunInOrder(writes);
    }

    // Columns must reach the row group writer in schema order, one after the other.
    private static async Task RunInOrder(List<Func<Task>> writes)
    {
        foreach (Func<Task> write in writes) await write();
    }

    private static Task WriteProbabilitiesAsync(ParquetRowGroupWriter rowGroup, DataField field, double[] values, bool singlePrecision, ReadOnlyMemory<int>? definition, ReadOnlyMemory<int>? repetition, CancellationToken cancellationToken)
    {
        if (!singlePrecision)
        {
            return rowGroup.WriteAllPartsAsync<double>(field, values, definition, repetition, cancellationToken);
        }
        float[] narrowed = Array.ConvertAll(values, v => (float)v);
        return rowGroup.WriteAllPartsAsync<float>(field, narrowed, definition, repetition, cancellationToken);
    }

    private static ParquetSchema SchemaOf(SyntheticDataset data, SyntheticLayout layout)
    {
        var fields = new List<Field>
        {
            data.Labels is not null ? new DataField<int>(layout.LabelColumn) : new DataField<string>(layout.LabelColumn, true),
        };
        Type probability = layout.SinglePrecision ? typeof(float) : typeof(double);
        if (layout.Layout == ProbabilityLayout.ListColumn)
        {
            fields.Add(new ListField(layout.ProbabilityColumn, new DataField("element", probability, false)));
        }
        else
        {
            for (int c = 0; c < data.ClassCount; c++)
            {
                string suffix = layout.NameClassColumns && data.ClassNames is not null ? data.ClassNames[c] : c.ToString(CultureInfo.InvariantCulture);
                fields.Add(new DataField(layout.ProbabilityPrefix + suffix, probability, false));
            }
        }
        if (data.TrueLabels is not null) fields.Add(new DataField<int>(layout.TrueLabelColumn));
        for (int i = 0; i < (data.Features?.Count ?? 0); i++) fields.Add(new DataField<float>(layout.FeaturePrefix + i.ToString(CultureInfo.InvariantCulture)));
        if (data.Ids is not null) fields.Add(new DataField<long>(layout.IdColumn));
        return new ParquetSchema(fields);
    }

    private static (int First, int End) Slice(int total, int parts, int part) =>
        ((int)((long)total * part / parts), (int)((long)total * (part + 1) / parts));
}
