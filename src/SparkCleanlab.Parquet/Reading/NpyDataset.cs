using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Plan;
using System.Globalization;
using Parquet.Schema;
using SparkCleanlab.Parquet.Input.Npy;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// <c>labels.npy</c> + <c>pred_probs.npy</c> input, read in slices of <see cref="InputSchemaOptions.NpyBatchRows"/>
/// rows. Batches carry two synthetic pass-through columns, <c>label</c> (int64) and <c>pred_probs</c> (list of
/// double), so outputs look like Parquet input in the list layout.
/// </summary>
internal sealed class NpyDataset : InputDataset
{
    private const string LabelColumn = "label";
    private const string ProbabilityColumn = "pred_probs";
    private readonly NpyPair _pair;

    private NpyDataset(NpyPair pair, DatasetSchema schema, IReadOnlyList<InputPartition> partitions)
        : base(schema, partitions)
    {
        _pair = pair;
    }

    public static NpyDataset Open(NpyPair pair, InputSchemaOptions options)
    {
        if (options.ProvidedProbabilities is not null)
        {
            throw new InputDataException(
                "A labels.npy + pred_probs.npy input brings its own probabilities, so computed ones cannot replace them",
                "Give Parquet input with feature columns, or use pred_probs.npy as it is.", file: pair.ProbabilitiesPath);
        }
        using NpyArray labels = NpyArray.Open(pair.LabelsPath, dimensions: 1, floatingPoint: false);
        using NpyArray probabilities = NpyArray.Open(pair.ProbabilitiesPath, dimensions: 2, floatingPoint: true);
        if (labels.Rows != probabilities.Rows)
        {
            throw new InputDataException(
                $"labels.npy has {labels.Rows} rows but pred_probs.npy has {probabilities.Rows}",
                "Save the labels and probabilities of the same rows.", file: pair.ProbabilitiesPath);
        }
        if (labels.Rows == 0)
        {
            throw new InputDataException("The input has no rows", "Point the job at a non-empty data set.", file: pair.LabelsPath);
        }
        var roles = new ColumnRoles(LabelColumn, LabelKind.ClassIndex, ProbabilityLayout.Npy, [ProbabilityColumn], null, null);
        (int classCount, IReadOnlyList<string>? classNames) = SchemaDetector.SettleClasses(roles, options, probabilities.Columns, pair.ProbabilitiesPath);
        var schema = new DatasetSchema(
            classCount, classNames, LabelColumn, LabelKind.ClassIndex, ProbabilityLayout.Npy, [ProbabilityColumn], null, [],
            PassThroughSchema(), () => Task.FromResult(PassThroughSchema()));

        if (options.NpyBatchRows <= 0) throw new ArgumentOutOfRangeException(nameof(options), "NpyBatchRows must be positive");
        long rowBytes = RowBytes(classCount);
        int batchRows = (int)Math.Min(options.NpyBatchRows, Math.Max(1024, options.NpyBatchBytes / rowBytes));
        var partitions = new List<InputPartition>();
        for (long first = 0; first < labels.Rows; first += batchRows)
        {
            long rows = Math.Min(batchRows, labels.Rows - first);
            partitions.Add(new InputPartition(partitions.Count, pair.ProbabilitiesPath, partitions.Count, rows, first, []) { DecodedBytes = rows * rowBytes });
        }
        return new NpyDataset(pair, schema, partitions);
    }

    private protected override Task<InputBatch> ReadBatchAsync(InputPartition partition, Action onDispose, CancellationToken cancellationToken)
    {
        int count = (int)partition.RowCount;
        int k = Schema.ClassCount;
        DataField[] fields = PassThroughSchema().GetDataFields();

        long[] labelValues = BatchBuffers<long>.Shared.Rent(count);
        double[] probabilityValues = BatchBuffers<double>.Shared.Rent(count * k);
        using (NpyArray labels = NpyArray.Open(_pair.LabelsPath, 1, false)) labels.ReadInt64s(partition.FirstPosition, labelValues.AsSpan(0, count));
        using (NpyArray probabilities = NpyArray.Open(_pair.ProbabilitiesPath, 2, true)) probabilities.ReadDoubles(partition.FirstPosition, probabilityValues.AsSpan(0, count * k));

        PassThroughColumn[] columns =
        [
            new PassThroughColumn<long>(fields[0], count, labelValues, count, null, null, count),
            ListColumn(fields[1], count, k, probabilityValues),
        ];
        var batch = new InputBatch(partition, count, k, columns, onDispose);
        Span<int> batchLabels = batch.Labels;
        for (int row = 0; row < count; row++)
        {
            long label = labelValues[row];
            if ((ulong)label < (ulong)k) batchLabels[row] = (int)label;
            else batch.Report(row, LabelColumn, RowProblemKind.LabelOutOfRange, label.ToString(CultureInfo.InvariantCulture));
        }
        probabilityValues.AsSpan(0, count * k).CopyTo(batch.Probabilities);
        batch.SealProblems();
        return Task.FromResult(batch);
    }

    // A batch row: the int64 label column, the list column's K doubles with two levels each, the decoded label,
    // validity flag and K doubles.
    private static long RowBytes(int classCount) =>
        sizeof(long) + (classCount * (long)(sizeof(double) + (2 * sizeof(int)))) + sizeof(int) + sizeof(bool) + (classCount * (long)sizeof(double));

    // Every row is a full list of K present elements: definition at the maximum, repetition 0 opening each row.
    private static PassThroughColumn<double> ListColumn(DataField element, int count, int k, double[] values)
    {
        int levels = count * k;
        int[] definitionLevels = BatchBuffers<int>.Shared.Rent(levels);
        int[] repetitionLevels = BatchBuffers<int>.Shared.Rent(levels);
        definitionLevels.AsSpan(0, levels).Fill(element.MaxDefinitionLevel);
        repetitionLevels.AsSpan(0, levels).Fill(element.MaxRepetitionLevel);
        for (int row = 0; row < count; row++) repetitionLevels[row * k] = 0;
        return new PassThroughColumn<double>(element, count, values, levels, definitionLevels, repetitionLevels, levels);
    }

    private static ParquetSchema PassThroughSchema() =>
        new(new DataField<long>(LabelColumn), new ListField(ProbabilityColumn, new DataField<double>("element")));
}
