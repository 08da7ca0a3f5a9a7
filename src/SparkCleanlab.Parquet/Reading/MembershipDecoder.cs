using System.Globalization;
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
    private readonly LabelDecoder _labels;

    /// <summary>A decoder for <paramref name="schema"/>'s label columns; list elements go through <paramref name="labels"/>, as single labels do.</summary>
    public MembershipDecoder(DatasetSchema schema, LabelDecoder labels)
    {
        _schema = schema;
        _labels = labels;
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
            case PassThroughColumn<ReadOnlyMemory<char>> c: DecodeList(c, batch, _labels.ClassOf); break;
            case PassThroughColumn<sbyte> c: DecodeList(c, batch, _labels.ClassOf); break;
            case PassThroughColumn<byte> c: DecodeList(c, batch, _labels.ClassOf); break;
            case PassThroughColumn<short> c: DecodeList(c, batch, _labels.ClassOf); break;
            case PassThroughColumn<ushort> c: DecodeList(c, batch, _labels.ClassOf); break;
            case PassThroughColumn<int> c: DecodeList(c, batch, _labels.ClassOf); break;
            case PassThroughColumn<uint> c: DecodeList(c, batch, _labels.ClassOf); break;
            case PassThroughColumn<long> c: DecodeList(c, batch, _labels.ClassOf); break;
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
            if (LabelDecoder.ReportedNull(column, definitionLevels, batch, row)) continue;
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
    private void DecodeList<T>(PassThroughColumn<T> column, InputBatch batch, Func<T, string, int, IRowProblemSink, int> classOf) where T : struct
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
}
