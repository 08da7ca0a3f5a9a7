using System.Globalization;
using System.Numerics;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Turns multi-label given classes into <see cref="InputBatch.Memberships"/>: a list column of
/// class indices (any integer width) or names, or one 0/1 or boolean column per class. A class
/// listed twice counts once; an empty list means no given class.
/// </summary>
internal sealed class MembershipDecoder
{
    private readonly DatasetSchema _schema;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? _classIndex;

    public MembershipDecoder(DatasetSchema schema)
    {
        _schema = schema;
        if (schema.ClassNames is { } names)
        {
            var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
            for (int k = 0; k < names.Count; k++) index[names[k]] = k;
            _classIndex = index.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>Fills the batch's memberships from its columns, reporting bad rows.</summary>
    public void Decode(IReadOnlyList<PassThroughColumn> columns, InputBatch batch)
    {
        if (_schema.LabelColumns is { } labelColumns)
        {
            for (int k = 0; k < labelColumns.Count; k++)
            {
                DecodeColumn(columns.First(c => c.Name == labelColumns[k]), k, batch);
            }
            return;
        }

        PassThroughColumn list = columns.First(c => c.Field.Path.FirstPart == _schema.LabelColumn);
        switch (list)
        {
            case PassThroughColumn<ReadOnlyMemory<char>> c: DecodeList(c, batch, Name); break;
            case PassThroughColumn<sbyte> c: DecodeList(c, batch, Index); break;
            case PassThroughColumn<byte> c: DecodeList(c, batch, Index); break;
            case PassThroughColumn<short> c: DecodeList(c, batch, Index); break;
            case PassThroughColumn<ushort> c: DecodeList(c, batch, Index); break;
            case PassThroughColumn<int> c: DecodeList(c, batch, Index); break;
            case PassThroughColumn<uint> c: DecodeList(c, batch, Index); break;
            case PassThroughColumn<long> c: DecodeList(c, batch, Index); break;
            default: throw new InvalidOperationException($"label list '{list.Name}' of type {list.Field.ClrType} passed schema detection");
        }
    }

    private void DecodeColumn(PassThroughColumn column, int classIndex, InputBatch batch)
    {
        switch (column)
        {
            case PassThroughColumn<bool> c: DecodeMembership(c, classIndex, batch, v => v ? 1 : 0); break;
            case PassThroughColumn<sbyte> c: DecodeMembership(c, classIndex, batch, long.CreateSaturating); break;
            case PassThroughColumn<byte> c: DecodeMembership(c, classIndex, batch, long.CreateSaturating); break;
            case PassThroughColumn<short> c: DecodeMembership(c, classIndex, batch, long.CreateSaturating); break;
            case PassThroughColumn<ushort> c: DecodeMembership(c, classIndex, batch, long.CreateSaturating); break;
            case PassThroughColumn<int> c: DecodeMembership(c, classIndex, batch, long.CreateSaturating); break;
            case PassThroughColumn<uint> c: DecodeMembership(c, classIndex, batch, long.CreateSaturating); break;
            case PassThroughColumn<long> c: DecodeMembership(c, classIndex, batch, long.CreateSaturating); break;
            default: throw new InvalidOperationException($"label column '{column.Name}' of type {column.Field.ClrType} passed schema detection");
        }
    }

    private static void DecodeMembership<T>(PassThroughColumn<T> column, int classIndex, InputBatch batch, Func<T, long> value) where T : struct
    {
        Span<bool> memberships = batch.Memberships;
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        int k = batch.ClassCount;
        int next = 0;
        for (int row = 0; row < batch.Count; row++)
        {
            if (!definitionLevels.IsEmpty && definitionLevels[row] < column.Field.MaxDefinitionLevel)
            {
                batch.Report(row, column.Name, RowProblemKind.NullLabel);
                continue;
            }
            long v = value(values[next++]);
            if (v is not (0 or 1))
            {
                batch.Report(row, column.Name, RowProblemKind.NotAMembership, v.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            memberships[(row * k) + classIndex] = v == 1;
        }
    }

    // Levels of a list leaf: a present element is at the maximum definition level, a null element
    // one below when elements are nullable, an empty list one below that, and a null list lower.
    private void DecodeList<T>(PassThroughColumn<T> column, InputBatch batch, Func<T, string, int, InputBatch, int> classOf) where T : struct
    {
        Span<bool> memberships = batch.Memberships;
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        ReadOnlySpan<int> repetitionLevels = column.RepetitionLevels;
        int present = column.Field.MaxDefinitionLevel;
        int emptyList = present - (column.Field.IsNullable ? 2 : 1);
        string name = _schema.LabelColumn;
        int k = batch.ClassCount;
        int row = -1;
        int next = 0;
        bool bad = false;
        for (int entry = 0; entry < definitionLevels.Length; entry++)
        {
            if (repetitionLevels[entry] == 0)
            {
                row++;
                bad = false;
            }
            int level = definitionLevels[entry];
            if (level == present)
            {
                T value = values[next++];
                if (bad) continue;
                int c = classOf(value, name, row, batch);
                if (c < 0)
                {
                    bad = true;
                    continue;
                }
                memberships[(row * k) + c] = true;
            }
            else if (level != emptyList)
            {
                if (!bad) batch.Report(row, name, RowProblemKind.NullLabel);
                bad = true;
            }
        }
    }

    private int Index<T>(T value, string column, int row, InputBatch batch) where T : struct, IBinaryInteger<T>
    {
        long label = long.CreateSaturating(value);
        if ((ulong)label < (ulong)_schema.ClassCount) return (int)label;
        batch.Report(row, column, RowProblemKind.LabelOutOfRange, label.ToString(CultureInfo.InvariantCulture));
        return -1;
    }

    private int Name(ReadOnlyMemory<char> value, string column, int row, InputBatch batch)
    {
        var classIndex = _classIndex ?? throw new InvalidOperationException("string labels passed schema detection without a class list");
        if (classIndex.TryGetValue(value.Span, out int label)) return label;
        batch.Report(row, column, RowProblemKind.UnknownClassName, value.ToString());
        return -1;
    }
}
