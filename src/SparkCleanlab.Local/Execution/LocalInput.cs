using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Local.Execution;

/// <summary>
/// The inputs of a local run, opened: their datasets (one schema for all), the partitions every
/// pass reads in position order, and what the schema tells the driver.
/// </summary>
internal sealed class LocalInput
{
    private LocalInput(IReadOnlyList<string> inputs, InputDataset[] datasets)
    {
        Datasets = datasets;
        Partitions = datasets.SelectMany(d => d.Partitions.Select(p => (d, p))).Select((x, i) => new Partition(i, x.d, x.p)).ToArray();
        var schema = Schema;
        Facts = new InputFacts
        {
            InferredClassCount = schema.ClassCount,
            ClassNamesFromColumns = schema.ClassNames,
            StringLabels = schema.LabelKind == LabelKind.ClassName,
            LabelColumn = schema.LabelColumn,
            ProbabilityColumns = schema.ProbabilityColumns,
            Columns = schema.PassThroughColumns,
            File = Partitions.Length > 0 ? Partitions[0].Source.File : inputs[0],
            RowCount = RowCount,
        };
    }

    /// <summary>The opened inputs, in the order given.</summary>
    public IReadOnlyList<InputDataset> Datasets { get; }

    /// <summary>Every partition of every input, in position order.</summary>
    public Partition[] Partitions { get; }

    /// <summary>The schema all inputs share.</summary>
    public DatasetSchema Schema => Datasets[0].Schema;

    /// <summary>Rows over all inputs, from metadata.</summary>
    public long RowCount => Datasets.Sum(d => d.RowCount);

    /// <summary>What the schema tells <see cref="InputContract"/>.</summary>
    public InputFacts Facts { get; }

    /// <summary>The input files' identity, for summary.json and <c>--if-changed</c>.</summary>
    public InputFingerprint Fingerprint => InputFingerprint.Of(Partitions.Select(p => p.Source.File), RowCount);

    /// <summary>Opens every input; all must share one schema.</summary>
    /// <exception cref="InputDataException">An input is unusable, or its schema differs from the first one's.</exception>
    public static async Task<LocalInput> OpenAsync(IReadOnlyList<string> inputs, InputSchemaOptions options, CancellationToken cancellationToken)
    {
        var datasets = new InputDataset[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            datasets[i] = await InputDataset.OpenAsync(inputs[i], options, cancellationToken);
            var (first, next) = (datasets[0].Schema, datasets[i].Schema);
            if (next.ClassCount != first.ClassCount || next.LabelKind != first.LabelKind || !next.PassThroughColumns.SequenceEqual(first.PassThroughColumns))
            {
                throw new InputDataException(
                    $"Input '{inputs[i]}' has {next.ClassCount} classes and columns [{string.Join(", ", next.PassThroughColumns)}], but '{inputs[0]}' has {first.ClassCount} and [{string.Join(", ", first.PassThroughColumns)}]",
                    "All inputs of one run must share one schema.", file: inputs[i]);
            }
        }

        return new LocalInput(inputs, datasets);
    }
}
