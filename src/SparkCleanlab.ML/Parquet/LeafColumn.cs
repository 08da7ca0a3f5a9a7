using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;

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

    public static async Task<LeafColumn> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, string file, int rowGroup, CancellationToken cancellationToken)
    {
        using PassThroughColumn column = await ParquetFile.ReadColumnAsync(group, field, file, rowGroup, cancellationToken);
        double[] numbers = column switch
        {
            PassThroughColumn<double> c => NumbersOf(c),
            PassThroughColumn<float> c => NumbersOf(c),
            PassThroughColumn<int> c => NumbersOf(c),
            PassThroughColumn<long> c => NumbersOf(c),
            PassThroughColumn<short> c => NumbersOf(c),
            PassThroughColumn<sbyte> c => NumbersOf(c),
            PassThroughColumn<byte> c => NumbersOf(c),
            PassThroughColumn<ushort> c => NumbersOf(c),
            PassThroughColumn<uint> c => NumbersOf(c),
            PassThroughColumn<ulong> c => NumbersOf(c),
            PassThroughColumn<decimal> c => NumbersOf(c),
            _ => throw new InvalidOperationException($"column '{field.Path}' of type {field.ClrType} passed the numeric check"),
        };
        return new LeafColumn(field, numbers, null, Levels(column.DefinitionLevels), Levels(column.RepetitionLevels));
    }

    public static async Task<LeafColumn> ReadStringsAsync(ParquetRowGroupReader group, DataField field, string file, int rowGroup, CancellationToken cancellationToken)
    {
        using PassThroughColumn column = await ParquetFile.ReadColumnAsync(group, field, file, rowGroup, cancellationToken);
        string?[] strings = column switch
        {
            PassThroughColumn<ReadOnlyMemory<char>> c => StringsOf(c),
            PassThroughColumn<bool> c => StringsOf(c),
            PassThroughColumn<int> c => StringsOf(c),
            PassThroughColumn<long> c => StringsOf(c),
            PassThroughColumn<short> c => StringsOf(c),
            PassThroughColumn<sbyte> c => StringsOf(c),
            PassThroughColumn<byte> c => StringsOf(c),
            PassThroughColumn<ushort> c => StringsOf(c),
            PassThroughColumn<uint> c => StringsOf(c),
            PassThroughColumn<ulong> c => StringsOf(c),
            _ => throw new InvalidOperationException($"column '{field.Path}' of type {field.ClrType} passed the category check"),
        };
        return new LeafColumn(field, null, strings, Levels(column.DefinitionLevels), Levels(column.RepetitionLevels));
    }

    // The column's pooled levels go back with it; a required or flat column has none.
    private static int[]? Levels(ReadOnlySpan<int> levels) => levels.IsEmpty ? null : levels.ToArray();

    // The column holds only the non-null values, in order; the definition levels say which entries they fill.
    private static double[] NumbersOf<T>(PassThroughColumn<T> column)
        where T : struct, INumberBase<T>
    {
        var numbers = new double[column.LevelCount];
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definition = column.DefinitionLevels;
        int next = 0;
        for (int entry = 0; entry < numbers.Length; entry++)
        {
            numbers[entry] = IsPresent(column.Field, definition, entry) ? double.CreateSaturating(values[next++]) : double.NaN;
        }

        return numbers;
    }

    private static string?[] StringsOf<T>(PassThroughColumn<T> column)
        where T : struct
    {
        var strings = new string?[column.LevelCount];
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definition = column.DefinitionLevels;
        int next = 0;
        for (int entry = 0; entry < strings.Length; entry++)
        {
            strings[entry] = IsPresent(column.Field, definition, entry) ? Format(values[next++]) : null;
        }

        return strings;
    }

    private static string Format<T>(T value) where T : struct =>
        value is ReadOnlyMemory<char> chars ? chars.ToString() : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static bool IsPresent(DataField field, ReadOnlySpan<int> definition, int entry) =>
        definition.IsEmpty || definition[entry] == field.MaxDefinitionLevel;
}
