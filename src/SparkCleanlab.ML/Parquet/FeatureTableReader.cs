using SparkCleanlab.Plan;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;

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
        var builders = plan.Select(column => new FeatureColumnBuilder(column)).ToArray();
        var labels = new LabelCollector(options.LabelColumn, options.Classes);
        foreach (DiscoveredFile file in files)
        {
            await using ParquetReader reader = await ParquetFile.OpenAsync(file.FullPath, cancellationToken);
            DataField labelLeaf = Leaf(reader.Schema, options.LabelColumn);
            DataField[] featureLeaves = plan.Select(column => Leaf(reader.Schema, column.Name)).ToArray();
            for (int rowGroup = 0; rowGroup < reader.RowGroupCount; rowGroup++)
            {
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(rowGroup);
                labels.Append(await LeafColumn.ReadLabelsAsync(group, labelLeaf, file.FullPath, rowGroup, cancellationToken), file.FullPath, rowGroup);
                for (int c = 0; c < builders.Length; c++)
                {
                    LeafColumn values = builders[c].Column.Kind is FeatureKind.Numeric or FeatureKind.Vector
                        ? await LeafColumn.ReadNumbersAsync(group, featureLeaves[c], file.FullPath, rowGroup, cancellationToken)
                        : await LeafColumn.ReadStringsAsync(group, featureLeaves[c], file.FullPath, rowGroup, cancellationToken);
                    builders[c].Append(values, file.FullPath, rowGroup);
                }
            }
        }

        (int[] labelIndices, int classCount, IReadOnlyList<string>? classNames) = labels.Finish();
        var table = new FeatureTable(builders.Select(b => b.Build()).ToArray());
        return new FeatureData(table, labelIndices, classCount, classNames) { SkippedLabelLikeColumns = skipped };
    }

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
                using ParquetRowGroupReader group = reader.OpenRowGroupReader(rowGroup);
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
