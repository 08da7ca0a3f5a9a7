using Parquet.Schema;

namespace SparkCleanlab.ML.Parquet;

/// <summary>What a Parquet field holds, in the terms the feature kinds need.</summary>
internal static class ParquetTypes
{
    private static readonly HashSet<Type> Integers =
        [typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];

    private static readonly HashSet<Type> Numbers =
        [.. Integers, typeof(float), typeof(double), typeof(decimal)];

    public static bool IsInteger(Type type) => Integers.Contains(type);

    public static bool IsString(Type type) => type == typeof(ReadOnlyMemory<char>);

    /// <summary>A flat (not repeated) column of numbers.</summary>
    public static bool IsNumeric(Field field) =>
        field is DataField { MaxRepetitionLevel: 0 } data && Numbers.Contains(data.ClrType);

    /// <summary>A list of numbers per row.</summary>
    public static bool IsNumericList(Field field) =>
        field is ListField { Item: DataField { MaxRepetitionLevel: 1 } item } && Numbers.Contains(item.ClrType);

    /// <summary>A flat column of strings, integers or booleans: something that names a category.</summary>
    public static bool IsCategory(Field field) =>
        field is DataField { MaxRepetitionLevel: 0 } data && (IsString(data.ClrType) || IsInteger(data.ClrType) || data.ClrType == typeof(bool));

    /// <summary>A flat column of strings.</summary>
    public static bool IsText(Field field) => field is DataField { MaxRepetitionLevel: 0 } data && IsString(data.ClrType);

    /// <summary>The leaf holding the values: the field itself, or a list's item.</summary>
    public static DataField Leaf(Field field) => field switch
    {
        DataField data => data,
        ListField { Item: DataField item } => item,
        _ => throw new InvalidOperationException($"column '{field.Name}' passed the type checks without a leaf"),
    };
}
