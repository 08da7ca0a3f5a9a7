using Parquet;
using Parquet.Schema;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Output;

namespace SparkCleanlab.ML.Parquet;

/// <summary>
/// Reads a Parquet input (a file, a folder of part files, a glob) into memory for training: the feature columns
/// chosen by <see cref="FeatureReadOptions"/> as a <see cref="FeatureTable"/>, and the label column as class indices.
/// Rows keep the input's order (files by relative path, then row groups), as find-issues numbers them.
/// </summary>
internal static class FeatureTableReader
{
    /// <summary>Reads the input.</summary>
    /// <param name="inputPath">A Parquet file, folder or glob.</param>
    /// <param name="options">Label and feature columns; null means the defaults.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InputDataException">No files, a missing or mistyped column (named), a bad label, files with different schemas, no rows.</exception>
    /// <exception cref="DataTooLargeException">The features are estimated not to fit this machine's memory.</exception>
    public static async Task<FeatureData> ReadAsync(string inputPath, FeatureReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FeatureReadOptions();
        IReadOnlyList<DiscoveredFile> files = ParquetFileDiscovery.Discover(inputPath);
        (PlannedColumn[] plan, string[] skipped) = await PlanAsync(files, options, cancellationToken);
        var labels = new List<(PassThroughColumn Column, string File, int RowGroup)>();
        try
        {
            var table = await ReadFeaturesAsync(files, plan, options, labels, cancellationToken);
            (int[] labelIndices, int classCount, IReadOnlyList<string>? classNames) = DecodeLabels(labels, options);
            return new FeatureData(table, labelIndices, classCount, classNames) { SkippedLabelLikeColumns = skipped };
        }
        finally
        {
            foreach (var label in labels) label.Column.Dispose();
        }
    }

    private static async Task<FeatureTable> ReadFeaturesAsync(
        IReadOnlyList<DiscoveredFile> files, PlannedColumn[] plan, FeatureReadOptions options, List<(PassThroughColumn Column, string File, int RowGroup)> labels, CancellationToken cancellationToken)
    {
        var builders = plan.Select(column => new FeatureColumnBuilder(column)).ToArray();
        foreach (DiscoveredFile file in files)
        {
            await using ParquetReader reader = await ParquetFile.OpenAsync(file.FullPath, cancellationToken);
            DataField labelLeaf = Leaf(reader.Schema, options.LabelColumn);
            DataField[] featureLeaves = plan.Select(column => Leaf(reader.Schema, column.Name)).ToArray();
            for (int rowGroup = 0; rowGroup < reader.RowGroupCount; rowGroup++)
            {
                using ParquetRowGroupReader group = ParquetFile.OpenRowGroup(reader, file.FullPath, rowGroup);
                labels.Add((await ParquetFile.ReadColumnAsync(group, labelLeaf, file.FullPath, rowGroup, cancellationToken), file.FullPath, rowGroup));
                for (int c = 0; c < builders.Length; c++)
                {
                    LeafColumn values = builders[c].Column.Kind is FeatureKind.Numeric or FeatureKind.Vector
                        ? await LeafColumn.ReadNumbersAsync(group, featureLeaves[c], file.FullPath, rowGroup, cancellationToken)
                        : await LeafColumn.ReadStringsAsync(group, featureLeaves[c], file.FullPath, rowGroup, cancellationToken);
                    builders[c].Append(values, file.FullPath, rowGroup);
                }
            }
        }

        return new FeatureTable(builders.Select(b => b.Build()).ToArray());
    }

    // The labels go through the decoder finding issues uses, so training accepts the same labels and
    // names a bad one in the same words; training stops at the first, having no rows to set aside.
    private static (int[] Labels, int ClassCount, IReadOnlyList<string>? ClassNames) DecodeLabels(
        IReadOnlyList<(PassThroughColumn Column, string File, int RowGroup)> columns, FeatureReadOptions options)
    {
        string firstFile = columns.Count == 0 ? "" : columns[0].File;
        (long k, IReadOnlyList<string>? names) = LabelDecoder.InferClasses(columns.Select(c => c.Column), options.Classes);
        if (k > Array.MaxLength)
        {
            throw new InputDataException($"Label {k - 1} is too large for a class index", "Integer labels must be class indices 0..K-1.", file: firstFile, column: options.LabelColumn);
        }

        if (k < 2)
        {
            throw new InputDataException(
                $"The labels name {k} class(es); a classifier needs at least 2", "Check the label column.", file: firstFile, column: options.LabelColumn);
        }

        var decoder = new LabelDecoder((int)k, names);
        var labels = new int[columns.Sum(c => c.Column.RowCount)];
        int offset = 0;
        foreach (var (column, file, rowGroup) in columns)
        {
            var problems = new FirstRowProblem();
            decoder.Decode(column, labels.AsSpan(offset, column.RowCount), problems);
            if (problems.First is { } problem)
            {
                throw new InputDataException(Describe(problem, (int)k), Remedy(problem.Kind), file: file, rowGroup: rowGroup, row: problem.Row, column: problem.Column);
            }

            offset += column.RowCount;
        }

        return (labels, (int)k, names);
    }

    private static string Describe(RowProblem problem, int classCount) => problem.Kind switch
    {
        RowProblemKind.NullLabel => InvalidReasons.NullLabel(problem.Column),
        RowProblemKind.UnknownClassName => InvalidReasons.UnknownClass(problem.Column, problem.Detail),
        RowProblemKind.LabelOutOfRange => InvalidReasons.LabelOutOfRange(problem.Column, problem.Detail, classCount),
        _ => throw new InvalidOperationException($"{problem.Kind} is not a label problem"),
    };

    private static string Remedy(RowProblemKind kind) => kind switch
    {
        RowProblemKind.NullLabel => "Drop rows without a label before training.",
        RowProblemKind.UnknownClassName => "Add it to --classes, or drop its rows.",
        _ => "Integer labels must be class indices from 0; give string labels or fix --classes.",
    };

    // Plans from the first file, checks every file has the same feature columns, refuses an input without rows,
    // and estimates memory before any data is read.
    private static async Task<(PlannedColumn[] Plan, string[] Skipped)> PlanAsync(IReadOnlyList<DiscoveredFile> files, FeatureReadOptions options, CancellationToken cancellationToken)
    {
        PlannedColumn[]? plan = null;
        string[] skipped = [];
        long bytes = 0;
        long rows = 0;
        foreach (DiscoveredFile file in files)
        {
            await using ParquetReader reader = await ParquetFile.OpenAsync(file.FullPath, cancellationToken);
            PlannedColumn[] filePlan = FeaturePlanner.Plan(reader.Schema, options, file.FullPath);
            if (plan is null) skipped = FeaturePlanner.SkippedLabelLike(reader.Schema, options);
            plan ??= filePlan;
            if (!filePlan.SequenceEqual(plan))
            {
                throw new InputDataException(
                    $"The feature columns differ from the first file '{files[0].FullPath}': [{Describe(filePlan)}] here, [{Describe(plan)}] there",
                    "All input files must share one schema; convert or remove the odd file.", file: file.FullPath);
            }

            DataField[] leaves = plan.Select(column => Leaf(reader.Schema, column.Name)).ToArray();
            for (int rowGroup = 0; rowGroup < reader.RowGroupCount; rowGroup++)
            {
                using ParquetRowGroupReader group = ParquetFile.OpenRowGroup(reader, file.FullPath, rowGroup);
                rows += group.RowCount;
                bytes += plan.Select((column, c) => FeatureBytes.Of(group, column, leaves[c])).Sum();
            }
        }

        if (rows == 0)
        {
            throw new InputDataException("The input has no rows", "Point --input at a non-empty data set.", file: files[0].FullPath);
        }

        FeatureBytes.EnsureFits(rows, bytes, options.MemoryBudgetBytes ?? MemoryEstimate.DefaultBudget());
        return (plan!, skipped);
    }

    private static string Describe(PlannedColumn[] plan) => string.Join(", ", plan.Select(c => $"{c.Name} {c.Kind}"));

    private static DataField Leaf(ParquetSchema schema, string column) =>
        ParquetTypes.Leaf(SchemaFields.FindTopLevel(schema, column)!);
}
