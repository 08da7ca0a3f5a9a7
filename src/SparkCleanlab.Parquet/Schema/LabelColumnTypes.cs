using Parquet.Schema;

namespace SparkCleanlab.Parquet.Schema;

/// <summary>
/// The label column types every command accepts: class indices as a signed or unsigned integer
/// up to int64 (uint64 indices could exceed what a class index holds), or class names as strings.
/// One rule, so training never accepts a label column that finding issues then rejects.
/// </summary>
internal static class LabelColumnTypes
{
    private static readonly HashSet<Type> IndexTypes =
        [typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long)];

    /// <summary>How the accepted types read in an error message.</summary>
    public const string Expected = "an integer (int8..int64) or a string";

    /// <summary>What <paramref name="field"/> holds as a label, or null when it cannot be one.</summary>
    public static LabelKind? KindOf(Field field) => field is DataField { MaxRepetitionLevel: 0 } data ? KindOfValues(data) : null;

    /// <summary>What the values of <paramref name="field"/> hold as labels, whatever its nesting, or null when they cannot be labels.</summary>
    public static LabelKind? KindOfValues(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<char>) ? LabelKind.ClassName
        : IndexTypes.Contains(field.ClrType) ? LabelKind.ClassIndex
        : null;
}
