using Parquet.Schema;
using SparkCleanlab.ML.Data;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;

namespace SparkCleanlab.ML.Parquet;

/// <summary>
/// Chooses the feature columns of a Parquet schema from <see cref="FeatureReadOptions"/> and checks the label
/// column. Every problem is an <see cref="InputDataException"/> naming the file and the column.
/// </summary>
internal static class FeaturePlanner
{
    public static PlannedColumn[] Plan(ParquetSchema schema, FeatureReadOptions options, string file)
    {
        CheckLabel(schema, options.LabelColumn, file);
        var planned = new List<PlannedColumn>();
        HashSet<string> stringKinds = [.. options.Categorical, .. options.Text];
        IEnumerable<string> numeric = (options.Features ?? DefaultNumeric(schema, options)).Where(name => !stringKinds.Contains(name));
        foreach (string name in numeric)
        {
            Field field = Find(schema, name, file);
            FeatureKind kind = ParquetTypes.IsNumeric(field) ? FeatureKind.Numeric
                : ParquetTypes.IsNumericList(field) ? FeatureKind.Vector
                : throw Mistyped(field, "a number or a list of numbers", "Name it with --categorical or --text instead, or leave it out of --features.", file);
            planned.Add(new PlannedColumn(name, kind));
        }

        foreach (string name in options.Categorical)
        {
            Field field = Find(schema, name, file);
            planned.Add(ParquetTypes.IsCategory(field)
                ? new PlannedColumn(name, FeatureKind.Categorical)
                : throw Mistyped(field, "a string, integer or boolean", "Name only flat category columns with --categorical.", file));
        }

        foreach (string name in options.Text.Where(name => !options.Categorical.Contains(name)))
        {
            Field field = Find(schema, name, file);
            planned.Add(ParquetTypes.IsText(field)
                ? new PlannedColumn(name, FeatureKind.Text)
                : throw Mistyped(field, "a string", "Name only string columns with --text.", file));
        }

        if (planned.Count == 0)
        {
            throw new InputDataException(
                $"No feature columns: no numeric or numeric-list column besides the label, id and probability columns; columns are [{SchemaFields.ColumnList(schema)}]",
                "Name the feature columns with --features, --categorical or --text.", file: file);
        }

        if (planned.FirstOrDefault(c => c.Name == options.LabelColumn) is { } label)
        {
            throw new InputDataException(
                "The label column is also named as a feature", "Training on the label would find no issues; leave it out of the feature options.",
                file: file, column: label.Name);
        }

        return planned.ToArray();
    }

    private static IEnumerable<string> DefaultNumeric(ParquetSchema schema, FeatureReadOptions options) =>
        schema.Fields
            .Where(f => ParquetTypes.IsNumeric(f) || ParquetTypes.IsNumericList(f))
            .Select(f => f.Name)
            .Where(name => name != options.LabelColumn && name != options.IdColumn && !options.ExcludedColumns.Contains(name) && !IsProbabilityColumn(name))
            .Where(name => !LabelLikeNames.Matches(name));

    /// <summary>The numeric columns left out of the default features because they are named like a label; empty when features are named.</summary>
    public static string[] SkippedLabelLike(ParquetSchema schema, FeatureReadOptions options) =>
        options.Features is not null
            ? []
            : schema.Fields
                .Where(f => (ParquetTypes.IsNumeric(f) || ParquetTypes.IsNumericList(f)) && f.Name != options.LabelColumn && LabelLikeNames.Matches(f.Name))
                .Where(f => !options.Categorical.Contains(f.Name) && !options.Text.Contains(f.Name))
                .Select(f => f.Name)
                .ToArray();

    // The names find-issues reads probabilities from: out-of-fold predictions already made are not features.
    private static bool IsProbabilityColumn(string name) =>
        name == new InputSchemaOptions().ProbabilityColumn
        || InputSchemaOptions.DefaultProbabilityPrefixes.Any(prefix => name.Length > prefix.Length
            && name.StartsWith(prefix, StringComparison.Ordinal) && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0);

    private static void CheckLabel(ParquetSchema schema, string name, string file)
    {
        Field field = SchemaFields.FindTopLevel(schema, name) ?? throw new InputDataException(
            $"Label column '{name}' not found; columns are [{SchemaFields.ColumnList(schema)}]",
            "Name the label column with --label-column.", file: file, column: name);
        if (LabelColumnTypes.KindOf(field) is null)
        {
            throw Mistyped(field, LabelColumnTypes.Expected, "Point --label-column at a column of class indices or class names.", file);
        }
    }

    private static Field Find(ParquetSchema schema, string name, string file) =>
        SchemaFields.FindTopLevel(schema, name) ?? throw new InputDataException(
            $"Feature column '{name}' not found; columns are [{SchemaFields.ColumnList(schema)}]",
            "Name existing columns with --features, --categorical and --text.", file: file, column: name);

    private static InputDataException Mistyped(Field field, string expected, string remedy, string file) =>
        new($"Column '{field.Name}' has type {SchemaFields.Describe(field)}; expected {expected}", remedy, file: file, column: field.Name);
}
