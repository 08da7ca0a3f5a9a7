using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet;

namespace SparkCleanlab.ML.Parquet;

/// <summary>
/// One leaf column of one row group, one entry per Parquet level: a number (NaN when null) or a string (null
/// when null), with the repetition levels that split list entries into rows.
/// </summary>
internal sealed class LeafColumn
{
    private LeafColumn(DataField field, double[]? numbers, string?[]? strings, int[]? definition, int[]? repetition)
    {
        Field = field;
        Numbers = numbers;
        Strings = strings;
        Definition = definition;
        Repetition = repetition;
    }

    public DataField Field { get; }

    /// <summary>Per level entry, for numeric reads.</summary>
    public double[]? Numbers { get; }

    /// <summary>Per level entry, for string reads (numbers and booleans are formatted invariantly).</summary>
    public string?[]? Strings { get; }

    private int[]? Definition { get; }

    private int[]? Repetition { get; }

    public int LevelCount => Numbers?.Length ?? Strings!.Length;

    /// <summary>True when level entry <paramref name="entry"/> starts a new row.</summary>
    public bool StartsRow(int entry) => Repetition is null || Repetition[entry] == 0;

    /// <summary>True when level entry <paramref name="entry"/> is a list element (possibly null), not an empty or null list.</summary>
    public bool IsElement(int entry)
    {
        int slot = Field.IsNullable ? Field.MaxDefinitionLevel - 1 : Field.MaxDefinitionLevel;
        return Definition is null || Definition[entry] >= slot;
    }

    /// <summary>A label column: strings as strings, integers as numbers.</summary>
    public static Task<LeafColumn> ReadLabelsAsync(ParquetRowGroupReader group, DataField field, string file, int rowGroup, CancellationToken cancellationToken) =>
        ParquetTypes.IsString(field.ClrType)
            ? ReadStringsAsync(group, field, file, rowGroup, cancellationToken)
            : ReadNumbersAsync(group, field, file, rowGroup, cancellationToken);

    public static Task<LeafColumn> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, string file, int rowGroup, CancellationToken cancellationToken)
    {
        Type type = field.ClrType;
        return type == typeof(double) ? ReadAsync<double>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(float) ? ReadAsync<float>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(int) ? ReadAsync<int>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(long) ? ReadAsync<long>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(short) ? ReadAsync<short>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(sbyte) ? ReadAsync<sbyte>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(byte) ? ReadAsync<byte>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(ushort) ? ReadAsync<ushort>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(uint) ? ReadAsync<uint>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(ulong) ? ReadAsync<ulong>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : type == typeof(decimal) ? ReadAsync<decimal>(group, field, file, rowGroup, NumbersOf, cancellationToken)
            : throw new InvalidOperationException($"column '{field.Path}' of type {type} passed the numeric check");
    }

    public static Task<LeafColumn> ReadStringsAsync(ParquetRowGroupReader group, DataField field, string file, int rowGroup, CancellationToken cancellationToken)
    {
        Type type = field.ClrType;
        return type == typeof(ReadOnlyMemory<char>) ? ReadAsync<ReadOnlyMemory<char>>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(bool) ? ReadAsync<bool>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(int) ? ReadAsync<int>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(long) ? ReadAsync<long>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(short) ? ReadAsync<short>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(sbyte) ? ReadAsync<sbyte>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(byte) ? ReadAsync<byte>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(ushort) ? ReadAsync<ushort>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(uint) ? ReadAsync<uint>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : type == typeof(ulong) ? ReadAsync<ulong>(group, field, file, rowGroup, StringsOf, cancellationToken)
            : throw new InvalidOperationException($"column '{field.Path}' of type {type} passed the category check");
    }

    private static async Task<LeafColumn> ReadAsync<T>(
        ParquetRowGroupReader group, DataField field, string file, int rowGroup,
        Func<DataField, T[], int[]?, int, LeafColumn.Entries> convert, CancellationToken cancellationToken)
        where T : struct
    {
        try
        {
            int levels = checked((int)(group.GetMetadata(field)?.MetaData?.NumValues
                ?? throw new InvalidDataException("the column chunk has no metadata")));
            var values = new T[levels];
            int[]? definition = field.MaxDefinitionLevel > 0 ? new int[levels] : null;
            int[]? repetition = field.MaxRepetitionLevel > 0 ? new int[levels] : null;
            await group.ReadRawAsync(field, values.AsMemory(), definition?.AsMemory(), repetition?.AsMemory(), cancellationToken);
            Entries entries = convert(field, values, definition, levels);
            return new LeafColumn(field, entries.Numbers, entries.Strings, definition, repetition);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputDataException(
                $"Cannot read column data: {e.Message}", "The file may be truncated or corrupt; rewrite it or remove it from the input.",
                file: file, rowGroup: rowGroup, column: field.Path.ToString(), inner: e);
        }
    }

    // Raw reads hold only the non-null values, in order; the definition levels say which entries they fill.
    private static Entries NumbersOf<T>(DataField field, T[] values, int[]? definition, int levels)
        where T : struct, INumberBase<T>
    {
        var numbers = new double[levels];
        int next = 0;
        for (int entry = 0; entry < levels; entry++)
        {
            numbers[entry] = IsPresent(field, definition, entry) ? double.CreateSaturating(values[next++]) : double.NaN;
        }

        return new Entries(numbers, null);
    }

    private static Entries StringsOf<T>(DataField field, T[] values, int[]? definition, int levels)
        where T : struct
    {
        var strings = new string?[levels];
        int next = 0;
        for (int entry = 0; entry < levels; entry++)
        {
            strings[entry] = IsPresent(field, definition, entry) ? Format(values[next++]) : null;
        }

        return new Entries(null, strings);
    }

    private static string Format<T>(T value) where T : struct =>
        value is ReadOnlyMemory<char> chars ? chars.ToString() : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static bool IsPresent(DataField field, int[]? definition, int entry) =>
        definition is null || definition[entry] == field.MaxDefinitionLevel;

    /// <summary>The converted level entries: numbers or strings.</summary>
    private readonly record struct Entries(double[]? Numbers, string?[]? Strings);
}
