using System.Globalization;
using Parquet.Schema;
using SparkCleanlab.Parquet.Input.Npy;
using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// <c>labels.npy</c> + <c>pred_probs.npy</c> input, read in slices of <see cref="InputSchemaOptions.NpyBatchRows"/>
/// rows. Batches carry three synthetic pass-through columns, <c>label</c> (int64), <c>pred_probs</c> (list of
/// float for float16/32 arrays, of double for float64) and <c>row_index</c> (the row's 0-based position in the
/// arrays, int64), so outputs look like Parquet input in the list layout and every output row maps back to the arrays.
/// A read of <see cref="BatchContent.LabelsAndProbabilities"/> builds none of them.
/// </summary>
internal sealed class NpyDataset : InputDataset
{
    private const string LabelColumn = "label";
    private const string ProbabilityColumn = "pred_probs";
    private const string RowIndexColumn = "row_index";
    private readonly NpyPair _pair;
    private readonly bool _singleProbabilities;

    private NpyDataset(NpyPair pair, bool singleProbabilities, DatasetSchema schema, IReadOnlyList<InputPartition> partitions)
        : base(schema, partitions)
    {
        _pair = pair;
        _singleProbabilities = singleProbabilities;
    }

    public static NpyDataset Open(NpyPair pair, InputSchemaOptions options)
    {
        if (options.ProvidedProbabilities is not null)
        {
            throw new InputDataException(
                "A labels.npy + pred_probs.npy input brings its own probabilities, so computed ones cannot replace them",
                "Give Parquet input with feature columns, or use pred_probs.npy as it is.", file: pair.Probabilities.Name);
        }
        using NpyArray labels = NpyArray.Open(pair.Labels, dimensions: 1, floatingPoint: false);
        using NpyArray probabilities = NpyArray.Open(pair.Probabilities, dimensions: 2, floatingPoint: true);
        // float16 and float32 probabilities pass through as float: the outputs stay as compact as the input.
        bool single = probabilities.ElementType.Size <= sizeof(float);
        if (labels.Rows != probabilities.Rows)
        {
            throw new InputDataException(
                $"labels.npy has {labels.Rows} rows but pred_probs.npy has {probabilities.Rows}",
                "Save the labels and probabilities of the same rows.", file: pair.Probabilities.Name);
        }
        if (labels.Rows == 0)
        {
            throw new InputDataException("The input has no rows", "Point the job at a non-empty data set.", file: pair.Labels.Name);
        }
        var roles = new ColumnRoles(LabelColumn, LabelKind.ClassIndex, ProbabilityLayout.Npy, [ProbabilityColumn], null, null);
        (int classCount, IReadOnlyList<string>? classNames) = SchemaDetector.SettleClasses(roles, options, probabilities.Columns, pair.Probabilities.Name);
        var schema = new DatasetSchema(
            classCount, classNames, LabelColumn, LabelKind.ClassIndex, ProbabilityLayout.Npy, [ProbabilityColumn], null, [],
            PassThroughSchema(single), () => Task.FromResult(PassThroughSchema(single)));

        if (options.NpyBatchRows <= 0) throw new ArgumentOutOfRangeException(nameof(options), "NpyBatchRows must be positive");
        var partitions = new List<InputPartition>();
        long rowBytes = RowBytes(classCount);

        // Wide rows shrink the batch so one batch's decoded bytes stay within the memory budget's share.
        int batchRows = (int)Math.Min(options.NpyBatchRows, Math.Max(1024, options.BatchBytes / rowBytes));
        for (long first = 0; first < labels.Rows; first += batchRows)
        {
            long rows = Math.Min(batchRows, labels.Rows - first);
            partitions.Add(new InputPartition(partitions.Count, pair.Probabilities.File, partitions.Count, rows, first, []) { DecodedBytes = rows * rowBytes, FirstRow = first, InRowGroup = false });
        }
        return new NpyDataset(pair, single, schema, partitions);
    }

    private protected override Task<InputBatch> ReadBatchAsync(PartitionReader reader, InputPartition partition, Action onDispose, CancellationToken cancellationToken) =>
        Task.FromResult(reader.Content == BatchContent.AllColumns ? ReadColumns(partition, onDispose) : ReadLabelsAndProbabilities(partition, onDispose));

    private InputBatch ReadColumns(InputPartition partition, Action onDispose)
    {
        int count = (int)partition.RowCount;
        int k = Schema.ClassCount;
        int values = count * k;
        DataField[] fields = PassThroughSchema(_singleProbabilities).GetDataFields();

        // The batch owns every buffer from the start, so a read that fails returns them all by disposing it.
        long[] labelValues = BatchBuffers<long>.Shared.Rent(count);
        long[] rowIndexValues = BatchBuffers<long>.Shared.Rent(count);
        float[]? singles = _singleProbabilities ? BatchBuffers<float>.Shared.Rent(values) : null;
        double[]? doubles = _singleProbabilities ? null : BatchBuffers<double>.Shared.Rent(values);
        PassThroughColumn[] columns =
        [
            new PassThroughColumn<long>(fields[0], count, labelValues, count, null, null, count),
            singles is not null ? ListColumn(fields[1], count, k, singles) : ListColumn(fields[1], count, k, doubles!),
            new PassThroughColumn<long>(fields[2], count, rowIndexValues, count, null, null, count),
        ];
        var batch = new InputBatch(partition, count, k, columns, onDispose);
        try
        {
            for (int row = 0; row < count; row++) rowIndexValues[row] = partition.FirstPosition + row;
            ReadLabels(partition, labelValues.AsSpan(0, count));
            using (NpyArray probabilities = NpyArray.Open(_pair.Probabilities, 2, true))
            {
                if (singles is not null) probabilities.ReadSingles(partition.FirstPosition, singles.AsSpan(0, values));
                else probabilities.ReadDoubles(partition.FirstPosition, doubles.AsSpan(0, values));
            }

            DecodeLabels(labelValues.AsSpan(0, count), batch);
            if (singles is not null) Widen(singles.AsSpan(0, values), batch.Probabilities);
            else doubles.AsSpan(0, values).CopyTo(batch.Probabilities);
            batch.SealProblems();
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    // Straight into the doubles the math uses (float16 and float32 through NpyArray's small staging buffer), and no
    // pass-through columns: the passes that read this way never write a row.
    private InputBatch ReadLabelsAndProbabilities(InputPartition partition, Action onDispose)
    {
        int count = (int)partition.RowCount;
        var batch = new InputBatch(partition, count, Schema.ClassCount, [], onDispose);
        long[] labelValues = BatchBuffers<long>.Shared.Rent(count);
        try
        {
            ReadLabels(partition, labelValues.AsSpan(0, count));
            DecodeLabels(labelValues.AsSpan(0, count), batch);
            using (NpyArray probabilities = NpyArray.Open(_pair.Probabilities, 2, true)) probabilities.ReadDoubles(partition.FirstPosition, batch.Probabilities);
            batch.SealProblems();
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
        finally
        {
            BatchBuffers<long>.Shared.Return(labelValues);
        }
    }

    private void ReadLabels(InputPartition partition, Span<long> destination)
    {
        using NpyArray labels = NpyArray.Open(_pair.Labels, 1, false);
        labels.ReadInt64s(partition.FirstPosition, destination);
    }

    private static void DecodeLabels(ReadOnlySpan<long> values, InputBatch batch)
    {
        int k = batch.ClassCount;
        Span<int> labels = batch.Labels;
        for (int row = 0; row < values.Length; row++)
        {
            long label = values[row];
            if ((ulong)label < (ulong)k) labels[row] = (int)label;
            else batch.Report(row, LabelColumn, RowProblemKind.LabelOutOfRange, label.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Widen(ReadOnlySpan<float> values, Span<double> destination)
    {
        for (int i = 0; i < values.Length; i++) destination[i] = values[i];
    }

    // Decoded bytes of one row: the label, the batch's K doubles, the output list's values and levels, and the row's flags.
    private static long RowBytes(int classCount) =>
        sizeof(long) + (classCount * (long)(sizeof(double) + (2 * sizeof(int)))) + sizeof(int) + sizeof(bool) + (classCount * (long)sizeof(double));

    // Every row is a full list of K present elements: definition at the maximum, repetition 0 opening each row.
    private static PassThroughColumn<T> ListColumn<T>(DataField element, int count, int k, T[] values)
        where T : struct
    {
        int levels = count * k;
        int[] definitionLevels = BatchBuffers<int>.Shared.Rent(levels);
        int[] repetitionLevels = BatchBuffers<int>.Shared.Rent(levels);
        definitionLevels.AsSpan(0, levels).Fill(element.MaxDefinitionLevel);
        repetitionLevels.AsSpan(0, levels).Fill(element.MaxRepetitionLevel);
        for (int row = 0; row < count; row++) repetitionLevels[row * k] = 0;
        return new PassThroughColumn<T>(element, count, values, levels, definitionLevels, repetitionLevels, levels);
    }

    private static ParquetSchema PassThroughSchema(bool singleProbabilities) =>
        new(
            new DataField<long>(LabelColumn),
            new ListField(ProbabilityColumn, singleProbabilities ? new DataField<float>("element") : new DataField<double>("element")),
            new DataField<long>(RowIndexColumn));
}
