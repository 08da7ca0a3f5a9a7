using System.Globalization;
using System.Numerics;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Turns a raw label column (any integer width, or class-name strings) into class indices: the one
/// decoder behind finding issues and training, so both accept the same labels and name the same problems.
/// </summary>
internal sealed class LabelDecoder
{
    private readonly int _classCount;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? _classIndex;

    public LabelDecoder(int classCount, IReadOnlyList<string>? classNames)
    {
        _classCount = classCount;
        if (classNames is not null)
        {
            var index = new Dictionary<string, int>(classNames.Count, StringComparer.Ordinal);
            for (int k = 0; k < classNames.Count; k++) index[classNames[k]] = k;
            _classIndex = index.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Fills <see cref="InputBatch.Labels"/> from <paramref name="column"/>, reporting bad rows.</summary>
    public void Decode(PassThroughColumn column, InputBatch batch) => Decode(column, batch.Labels, batch);

    /// <summary>Fills <paramref name="labels"/> (-1 for a bad row) from <paramref name="column"/>, reporting bad rows to <paramref name="problems"/>.</summary>
    public void Decode(PassThroughColumn column, Span<int> labels, IRowProblemSink problems)
    {
        switch (column)
        {
            case PassThroughColumn<ReadOnlyMemory<char>> names: DecodeNames(names, labels, problems); break;
            case PassThroughColumn<sbyte> c: DecodeIntegers(c, labels, problems); break;
            case PassThroughColumn<byte> c: DecodeIntegers(c, labels, problems); break;
            case PassThroughColumn<short> c: DecodeIntegers(c, labels, problems); break;
            case PassThroughColumn<ushort> c: DecodeIntegers(c, labels, problems); break;
            case PassThroughColumn<int> c: DecodeIntegers(c, labels, problems); break;
            case PassThroughColumn<uint> c: DecodeIntegers(c, labels, problems); break;
            case PassThroughColumn<long> c: DecodeIntegers(c, labels, problems); break;
            default: throw new InvalidOperationException($"label column '{column.Name}' of type {column.Field.ClrType} passed schema detection");
        }
    }

    /// <summary>
    /// K and the class names where the labels alone settle them: <paramref name="classes"/> when given;
    /// otherwise one past the largest integer label, or the ordinally sorted distinct names.
    /// </summary>
    public static (long ClassCount, IReadOnlyList<string>? ClassNames) InferClasses(IEnumerable<PassThroughColumn> columns, IReadOnlyList<string>? classes)
    {
        if (classes is not null) return (classes.Count, classes);
        long max = -1;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            switch (column)
            {
                case PassThroughColumn<ReadOnlyMemory<char>> c:
                    foreach (var name in c.Values) names.Add(name.ToString());
                    break;
                case PassThroughColumn<sbyte> c: max = Math.Max(max, Max(c)); break;
                case PassThroughColumn<byte> c: max = Math.Max(max, Max(c)); break;
                case PassThroughColumn<short> c: max = Math.Max(max, Max(c)); break;
                case PassThroughColumn<ushort> c: max = Math.Max(max, Max(c)); break;
                case PassThroughColumn<int> c: max = Math.Max(max, Max(c)); break;
                case PassThroughColumn<uint> c: max = Math.Max(max, Max(c)); break;
                case PassThroughColumn<long> c: max = Math.Max(max, Max(c)); break;
                default: throw new InvalidOperationException($"label column '{column.Name}' of type {column.Field.ClrType} passed schema detection");
            }
        }

        return names.Count > 0 ? (names.Count, names.ToArray()) : (max + 1, null);
    }

    private static long Max<T>(PassThroughColumn<T> column) where T : struct, IBinaryInteger<T>
    {
        long max = -1;
        foreach (T value in column.Values) max = Math.Max(max, long.CreateSaturating(value));
        return max;
    }

    private void DecodeIntegers<T>(PassThroughColumn<T> column, Span<int> labels, IRowProblemSink problems) where T : struct, IBinaryInteger<T>
    {
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        int next = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            labels[row] = -1;
            if (ReportedNull(column, definitionLevels, problems, row)) continue;
            labels[row] = ClassOf(values[next++], column.Name, row, problems);
        }
    }

    private void DecodeNames(PassThroughColumn<ReadOnlyMemory<char>> column, Span<int> labels, IRowProblemSink problems)
    {
        ReadOnlySpan<ReadOnlyMemory<char>> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        int next = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            labels[row] = -1;
            if (ReportedNull(column, definitionLevels, problems, row)) continue;
            labels[row] = ClassOf(values[next++], column.Name, row, problems);
        }
    }

    /// <summary>The class index of one integer label of <paramref name="column"/>, or -1 after reporting it out of range.</summary>
    internal int ClassOf<T>(T value, string column, int row, IRowProblemSink problems) where T : struct, IBinaryInteger<T>
    {
        long label = long.CreateSaturating(value);
        if ((ulong)label < (ulong)_classCount) return (int)label;
        problems.Report(row, column, RowProblemKind.LabelOutOfRange, label.ToString(CultureInfo.InvariantCulture));
        return -1;
    }

    /// <summary>The class index of one class name of <paramref name="column"/>, or -1 after reporting it unknown.</summary>
    internal int ClassOf(ReadOnlyMemory<char> value, string column, int row, IRowProblemSink problems)
    {
        var classIndex = _classIndex ?? throw new InvalidOperationException("string labels passed schema detection without a class list");
        if (classIndex.TryGetValue(value.Span, out int label)) return label;
        problems.Report(row, column, RowProblemKind.UnknownClassName, value.ToString());
        return -1;
    }

    // A null label has no value in the column's values: the caller must not advance past one.
    internal static bool ReportedNull(PassThroughColumn column, ReadOnlySpan<int> definitionLevels, IRowProblemSink problems, int row)
    {
        if (definitionLevels.IsEmpty || definitionLevels[row] >= column.Field.MaxDefinitionLevel) return false;
        problems.Report(row, column.Name, RowProblemKind.NullLabel);
        return true;
    }
}
