using Parquet.Schema;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Schema;

/// <summary>
/// Finds the given classes of multi-label input: one list column of class indices or names, or
/// one 0/1 (or boolean) column per class. Every mismatch is an <see cref="InputDataException"/>
/// naming the column.
/// </summary>
internal static class MultiLabelColumns
{
    /// <summary>How the accepted list types read in an error message.</summary>
    public const string ExpectedList = "a list of integers (int8..int64) or a list of strings";

    /// <summary>The label column as reported, its kind, and the membership columns when the classes are columns.</summary>
    public static (string LabelColumn, LabelKind Kind, IReadOnlyList<string>? LabelColumns) Find(ParquetSchema schema, InputSchemaOptions options, string file)
    {
        if (options.LabelColumns is { Count: > 0 } columns)
        {
            foreach (string column in columns)
            {
                CheckMembershipColumn(schema, column, file);
            }
            return (columns[0], LabelKind.ClassIndex, columns.ToArray());
        }

        string name = options.LabelColumn;
        Field field = SchemaFields.FindTopLevel(schema, name) ?? throw new InputDataException(
            $"Label column '{name}' not found; columns are [{SchemaFields.ColumnList(schema)}]",
            "Name the list column of given classes with --label-column, or give one 0/1 column per class with --label-columns.",
            file: file, column: name);
        if (field is ListField { Item: DataField { MaxRepetitionLevel: 1 } item } && LabelColumnTypes.KindOfValues(item) is { } kind)
        {
            return (name, kind, null);
        }
        throw new InputDataException(
            $"Label column '{name}' has type {SchemaFields.Describe(field)}; multi-label input expects {ExpectedList}",
            "Store the given classes of each row as a list, or give one 0/1 column per class with --label-columns.", file: file, column: name);
    }

    private static void CheckMembershipColumn(ParquetSchema schema, string name, string file)
    {
        Field? field = SchemaFields.FindTopLevel(schema, name);
        if (field is DataField { MaxRepetitionLevel: 0 } data && (data.ClrType == typeof(bool) || LabelColumnTypes.KindOfValues(data) == LabelKind.ClassIndex))
        {
            return;
        }
        throw new InputDataException(
            field is null
                ? $"Label column '{name}' not found; columns are [{SchemaFields.ColumnList(schema)}]"
                : $"Label column '{name}' has type {SchemaFields.Describe(field)}; expected a 0/1 integer or a boolean",
            "Give one 0/1 or boolean column per class with --label-columns.", file: file, column: name);
    }
}
