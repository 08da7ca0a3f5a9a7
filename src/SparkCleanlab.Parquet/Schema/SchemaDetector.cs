using SparkCleanlab.Plan;
using System.Globalization;
using Parquet.Schema;

namespace SparkCleanlab.Parquet.Schema;

/// <summary>
/// Finds the label, probability and id columns in a Parquet schema following <see cref="InputSchemaOptions"/>,
/// and settles the class count K. Every mismatch is an <see cref="InputDataException"/> naming the column.
/// </summary>
internal static class SchemaDetector
{
    public static ColumnRoles FindColumns(ParquetSchema schema, InputSchemaOptions options, string file)
    {
        (string labelColumn, LabelKind labelKind, IReadOnlyList<string>? labelColumns) = options.MultiLabel
            ? MultiLabelColumns.Find(schema, options, file)
            : (options.LabelColumn, FindLabel(schema, options.LabelColumn, file), null);
        (ProbabilityLayout layout, string[] columns, string[]? names) = options.ProvidedProbabilities is { } provided
            ? ProvidedColumns(schema, provided, file)
            : FindProbabilities(schema, options, file);
        if (options.IdColumn is { } id && SchemaFields.FindTopLevel(schema, id) is null)
        {
            throw new InputDataException(
                $"--id-column '{id}' not found; columns are [{SchemaFields.ColumnList(schema)}]",
                "Name an existing column with --id-column, or leave it out.",
                file: file, column: id);
        }
        return new ColumnRoles(labelColumn, labelKind, layout, columns, names ?? labelColumns, options.IdColumn, labelColumns);
    }

    /// <summary>
    /// Settles K from what the data says (<paramref name="inferredClassCount"/>: the class-column count or the first
    /// row's list length) against the options, and the class names for string labels.
    /// </summary>
    public static (int ClassCount, IReadOnlyList<string>? ClassNames) SettleClasses(
        ColumnRoles roles, InputSchemaOptions options, int inferredClassCount, string file)
    {
        IReadOnlyList<string>? classNames = options.ClassNames ?? roles.ClassNamesFromColumns;
        string column = roles.ProbabilityColumns[0];
        if (roles.LabelColumns is { } labelColumns && labelColumns.Count != inferredClassCount)
        {
            throw new InputDataException(
                $"There are {labelColumns.Count} label columns but the probabilities have {inferredClassCount} classes",
                "Give one label column per probability.", file: file, column: labelColumns[0]);
        }
        if (options.ClassCount is { } given && given != inferredClassCount)
        {
            throw new InputDataException(
                $"--num-classes says K = {given} but the probabilities have {inferredClassCount} classes",
                "Fix --num-classes or the probability columns.", file: file, column: column);
        }
        if (classNames is not null && classNames.Count != inferredClassCount)
        {
            throw new InputDataException(
                $"--classes {string.Join(",", classNames)} lists {classNames.Count} names but the probabilities have {inferredClassCount} classes",
                "Give exactly one class name per probability.", file: file, column: column);
        }
        if (classNames is not null && classNames.Distinct(StringComparer.Ordinal).Count() != classNames.Count)
        {
            throw new InputDataException(
                $"--classes {string.Join(",", classNames)} names a class twice",
                "Give each class a distinct name in --classes.", file: file);
        }
        if (inferredClassCount < 2)
        {
            throw new InputDataException(
                $"The probabilities have {inferredClassCount} class(es); confident learning needs at least 2",
                "Check the probability column(s).", file: file, column: column);
        }
        if (roles.LabelKind == LabelKind.ClassName && classNames is null)
        {
            throw new InputDataException(
                "String labels need a class list to map names to probability positions",
                "Give --classes A,B,..., or name the probability columns by class (e.g. p_cat, p_dog).",
                file: file, column: roles.LabelColumn);
        }
        return (inferredClassCount, classNames);
    }

    private static LabelKind FindLabel(ParquetSchema schema, string name, string file)
    {
        Field field = SchemaFields.FindTopLevel(schema, name) ?? throw new InputDataException(
            $"Label column '{name}' (--label-column) not found; columns are [{SchemaFields.ColumnList(schema)}]",
            "Name the label column with --label-column.", file: file, column: name);
        return LabelColumnTypes.KindOf(field) ?? throw new InputDataException(
            $"Label column '{name}' has type {SchemaFields.Describe(field)}; expected {LabelColumnTypes.Expected}",
            "Point --label-column at a column of class indices or class names.", file: file, column: name);
    }

    private static (ProbabilityLayout, string[], string[]?) FindProbabilities(ParquetSchema schema, InputSchemaOptions options, string file)
    {
        if (options.ProbabilityColumns is { Count: > 0 } explicitColumns)
        {
            if (explicitColumns.Count == 1 && SchemaFields.FindTopLevel(schema, explicitColumns[0]) is ListField)
            {
                CheckListColumn(schema, explicitColumns[0], file);
                return (ProbabilityLayout.ListColumn, [explicitColumns[0]], null);
            }
            foreach (string column in explicitColumns) CheckClassColumn(schema, column, file);
            return (ProbabilityLayout.ClassColumns, explicitColumns.ToArray(), ClassNamesOf(explicitColumns, options.ProbabilityPrefix ?? "p_"));
        }
        if (options.ProbabilityPrefix is { } prefix)
        {
            string[] columns = schema.Fields.Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal) && f.Name.Length > prefix.Length)
                .Select(f => f.Name).ToArray();
            if (columns.Length == 0)
            {
                throw new InputDataException(
                    $"No probability columns start with --probs-prefix '{prefix}'; columns are [{SchemaFields.ColumnList(schema)}]",
                    "Fix --probs-prefix.", file: file, column: prefix + "*");
            }
            string[]? numbered = NumberedColumns(schema, prefix);
            foreach (string column in numbered ?? columns) CheckClassColumn(schema, column, file);
            return numbered is not null
                ? (ProbabilityLayout.ClassColumns, numbered, null)
                : (ProbabilityLayout.ClassColumns, columns, columns.Select(c => c[prefix.Length..]).ToArray());
        }
        if (SchemaFields.FindTopLevel(schema, options.ProbabilityColumn) is not null)
        {
            CheckListColumn(schema, options.ProbabilityColumn, file);
            return (ProbabilityLayout.ListColumn, [options.ProbabilityColumn], null);
        }
        foreach (string candidate in InputSchemaOptions.DefaultProbabilityPrefixes)
        {
            if (NumberedColumns(schema, candidate) is { } numbered)
            {
                foreach (string column in numbered) CheckClassColumn(schema, column, file);
                return (ProbabilityLayout.ClassColumns, numbered, null);
            }
        }
        throw new InputDataException(
            $"No probability column '{options.ProbabilityColumn}' (--probs-column) and no columns p_0..p_K-1 or p0..pK-1; columns are [{SchemaFields.ColumnList(schema)}]",
            "Name the probability list column with --probs-column, a per-class column prefix with --probs-prefix, or the per-class columns with --probs-columns.",
            file: file, column: options.ProbabilityColumn);
    }

    // Written probability columns follow the file's own, so a file column of the same name would be ambiguous.
    private static (ProbabilityLayout, string[], string[]?) ProvidedColumns(ParquetSchema schema, ProvidedProbabilities provided, string file)
    {
        if (provided.WriteColumns && provided.ColumnNames.FirstOrDefault(c => SchemaFields.FindTopLevel(schema, c) is not null) is { } taken)
        {
            throw new InputDataException(
                $"Column '{taken}' already exists, and the computed probabilities are written as [{string.Join(", ", provided.ColumnNames)}]",
                "Rename or drop the input's probability columns, or do not write the computed probabilities.", file: file, column: taken);
        }
        return (ProbabilityLayout.Provided, provided.ColumnNames.ToArray(), null);
    }

    // Columns prefix0, prefix1, ... contiguous from 0; null when prefix0 is absent.
    private static string[]? NumberedColumns(ParquetSchema schema, string prefix)
    {
        var names = new List<string>();
        while (SchemaFields.FindTopLevel(schema, prefix + names.Count.ToString(CultureInfo.InvariantCulture)) is not null)
        {
            names.Add(prefix + names.Count.ToString(CultureInfo.InvariantCulture));
        }
        return names.Count == 0 ? null : names.ToArray();
    }

    // Explicit columns name the classes; a shared prefix such as 'p_' is not part of the class name.
    private static string[] ClassNamesOf(IReadOnlyList<string> columns, string prefix) =>
        columns.All(c => c.StartsWith(prefix, StringComparison.Ordinal) && c.Length > prefix.Length)
            ? columns.Select(c => c[prefix.Length..]).ToArray()
            : columns.ToArray();

    private static void CheckListColumn(ParquetSchema schema, string name, string file)
    {
        Field? field = SchemaFields.FindTopLevel(schema, name);
        if (field is ListField { Item: DataField { MaxRepetitionLevel: 1 } item } && IsProbabilityType(item.ClrType)) return;
        throw new InputDataException(
            $"Probability column '{name}' has type {(field is null ? "(missing)" : SchemaFields.Describe(field))}; expected a list of double or float",
            "Store one list of K probabilities per row, or use per-class probability columns.", file: file, column: name);
    }

    private static void CheckClassColumn(ParquetSchema schema, string name, string file)
    {
        Field? field = SchemaFields.FindTopLevel(schema, name);
        if (field is DataField { MaxRepetitionLevel: 0 } data && IsProbabilityType(data.ClrType)) return;
        throw new InputDataException(
            field is null
                ? $"Probability column '{name}' not found; columns are [{SchemaFields.ColumnList(schema)}]"
                : $"Probability column '{name}' has type {SchemaFields.Describe(field)}; expected double or float",
            "Fix --probs-column, --probs-prefix or --probs-columns.", file: file, column: name);
    }

    private static bool IsProbabilityType(Type type) => type == typeof(double) || type == typeof(float);
}
