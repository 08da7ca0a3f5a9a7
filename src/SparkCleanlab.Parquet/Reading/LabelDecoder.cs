using System.Globalization;
using System.Numerics;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>Turns a raw label column (any integer width, or class-name strings) into class indices.</summary>
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
    public void Decode(PassThroughColumn column, InputBatch batch)
    {
        switch (column)
        {
            case PassThroughColumn<ReadOnlyMemory<char>> names: DecodeNames(names, batch); break;
            case PassThroughColumn<sbyte> c: DecodeIntegers(c, batch); break;
            case PassThroughColumn<byte> c: DecodeIntegers(c, batch); break;
            case PassThroughColumn<short> c: DecodeIntegers(c, batch); break;
            case PassThroughColumn<ushort> c: DecodeIntegers(c, batch); break;
            case PassThroughColumn<int> c: DecodeIntegers(c, batch); break;
            case PassThroughColumn<uint> c: DecodeIntegers(c, batch); break;
            case PassThroughColumn<long> c: DecodeIntegers(c, batch); break;
            default: throw new InvalidOperationException($"label column '{column.Name}' of type {column.Field.ClrType} passed schema detection");
        }
    }

    private void DecodeIntegers<T>(PassThroughColumn<T> column, InputBatch batch) where T : struct, IBinaryInteger<T>
    {
        Span<int> labels = batch.Labels;
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        int next = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            labels[row] = -1;
            if (ReportedNull(column, definitionLevels, batch, row)) continue;
            long label = long.CreateSaturating(values[next++]);
            if ((ulong)label >= (ulong)_classCount)
            {
                batch.Report(row, column.Name, RowProblemKind.LabelOutOfRange, label.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            labels[row] = (int)label;
        }
    }

    private void DecodeNames(PassThroughColumn<ReadOnlyMemory<char>> column, InputBatch batch)
    {
        var classIndex = _classIndex ?? throw new InvalidOperationException("string labels passed schema detection without a class list");
        Span<int> labels = batch.Labels;
        ReadOnlySpan<ReadOnlyMemory<char>> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        int next = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            labels[row] = -1;
            if (ReportedNull(column, definitionLevels, batch, row)) continue;
            ReadOnlySpan<char> name = values[next++].Span;
            if (classIndex.TryGetValue(name, out int label)) labels[row] = label;
            else batch.Report(row, column.Name, RowProblemKind.UnknownClassName, name.ToString());
        }
    }

    // A null label has no value in the column's values: the caller must not advance past one.
    private static bool ReportedNull(PassThroughColumn column, ReadOnlySpan<int> definitionLevels, InputBatch batch, int row)
    {
        if (definitionLevels.IsEmpty || definitionLevels[row] >= column.Field.MaxDefinitionLevel) return false;
        batch.Report(row, column.Name, RowProblemKind.NullLabel);
        return true;
    }
}
