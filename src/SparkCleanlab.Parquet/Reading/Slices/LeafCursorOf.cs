using Parquet.Schema;
using ParquetSharp;
using SparkCleanlab.Parquet.Memory;

namespace SparkCleanlab.Parquet.Reading.Slices;

/// <summary>
/// A <see cref="LeafCursor"/> that reads ParquetSharp's <typeparamref name="TPhysical"/> values in fixed-size chunks
/// and stores them as Parquet.Net's <typeparamref name="TValue"/>. A chunk can end inside a row and a slice inside a
/// chunk, so what a slice does not take stays in the chunk for the next one.
/// </summary>
/// <typeparam name="TPhysical">ParquetSharp's physical value type.</typeparam>
/// <typeparam name="TValue">Parquet.Net's storage type for the column.</typeparam>
internal abstract class LeafCursor<TPhysical, TValue> : LeafCursor
    where TPhysical : unmanaged
    where TValue : struct
{
    private readonly DataField _field;
    private readonly ColumnReader<TPhysical> _reader;
    private readonly double _levelsPerRow;
    private readonly int _chunkLevels;
    private short[]? _definitionLevels;
    private short[]? _repetitionLevels;
    private TPhysical[]? _values;
    private int _levels;
    private int _levelAt;
    private int _valueAt;

    private protected LeafCursor(DataField field, ColumnReader<TPhysical> reader, double levelsPerRow, int chunkLevels)
    {
        _field = field;
        _reader = reader;
        _levelsPerRow = Math.Max(1, levelsPerRow);
        _chunkLevels = chunkLevels;
        _definitionLevels = field.MaxDefinitionLevel > 0 ? BatchBuffers<short>.Shared.Rent(chunkLevels) : [];
        _repetitionLevels = field.MaxRepetitionLevel > 0 ? BatchBuffers<short>.Shared.Rent(chunkLevels) : [];
        _values = BatchBuffers<TPhysical>.Shared.Rent(chunkLevels);
    }

    /// <inheritdoc/>
    public override PassThroughColumn Read(int rows)
    {
        var slice = new SliceBuffers(_field, (int)Math.Min(Array.MaxLength, Math.Ceiling(rows * _levelsPerRow)));
        try
        {
            Advance(rows, slice);
            return slice.ToColumn(_field, rows);
        }
        catch
        {
            slice.Return();
            throw;
        }
    }

    /// <inheritdoc/>
    public override void Skip(long rows)
    {
        while (rows > 0)
        {
            int step = (int)Math.Min(rows, int.MaxValue);
            Advance(step, null);
            rows -= step;
        }
    }

    /// <inheritdoc/>
    public override void CheckAtEnd()
    {
        if (_levelAt < _levels || _reader.HasNext)
        {
            throw new InvalidDataException($"the column chunk of '{_field.Path}' holds more rows than its row group claims");
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _reader.Dispose();
        if (_definitionLevels is { Length: > 0 }) BatchBuffers<short>.Shared.Return(_definitionLevels);
        if (_repetitionLevels is { Length: > 0 }) BatchBuffers<short>.Shared.Return(_repetitionLevels);
        if (_values is not null) BatchBuffers<TPhysical>.Shared.Return(_values);
        _definitionLevels = null;
        _repetitionLevels = null;
        _values = null;
    }

    /// <summary>Converts ParquetSharp's values, valid until the next read, to Parquet.Net's.</summary>
    private protected abstract void Convert(ReadOnlySpan<TPhysical> values, Span<TValue> into);

    // Takes the next rows' level entries and values into slice (or drops them when slice is null).
    private void Advance(int rows, SliceBuffers? slice)
    {
        bool repeated = _field.MaxRepetitionLevel > 0;
        int rowsLeft = rows;
        while (repeated || rowsLeft > 0)
        {
            if (_levelAt == _levels && !Refill()) break;

            int end = _levelAt;
            if (!repeated)
            {
                end += Math.Min(rowsLeft, _levels - _levelAt);
                rowsLeft -= end - _levelAt;
            }
            else
            {
                // A repetition level of 0 opens a row: the slice ends just before the row after its last.
                for (; end < _levels; end++)
                {
                    if (_repetitionLevels![end] != 0) continue;
                    if (rowsLeft == 0) break;
                    rowsLeft--;
                }
            }

            int values = _field.MaxDefinitionLevel == 0 ? end - _levelAt : _definitionLevels!.AsSpan(_levelAt, end - _levelAt).Count(checked((short)_field.MaxDefinitionLevel));
            slice?.Append(this, _levelAt, end, _valueAt, values);
            _levelAt = end;
            _valueAt += values;
            if (repeated && end < _levels) break;
        }

        if (rowsLeft > 0)
        {
            throw new InvalidDataException($"the column chunk of '{_field.Path}' ends {rowsLeft} rows before its row group does");
        }
    }

    private bool Refill()
    {
        if (!_reader.HasNext) return false;
        short[] definitionLevels = Live(_definitionLevels);
        _levels = checked((int)_reader.ReadBatch(_chunkLevels, definitionLevels, Live(_repetitionLevels), Live(_values), out long values));
        _levelAt = 0;
        _valueAt = 0;
        // Levels and values come from separate streams of a page; a corrupt page can make them disagree.
        long expected = _field.MaxDefinitionLevel == 0 ? _levels : definitionLevels.AsSpan(0, _levels).Count(checked((short)_field.MaxDefinitionLevel));
        if (values != expected)
        {
            throw new InvalidDataException($"a page of '{_field.Path}' holds {values} values where its definition levels call for {expected}");
        }
        return _levels > 0;
    }

    private static T[] Live<T>(T[]? buffer) => buffer ?? throw new ObjectDisposedException(nameof(LeafCursor));

    // A slice's levels and values in pooled buffers that grow as rows come; they become the column's own.
    private sealed class SliceBuffers(DataField field, int capacity)
    {
        private int[]? _definitionLevels = field.MaxDefinitionLevel > 0 ? BatchBuffers<int>.Shared.Rent(capacity) : null;
        private int[]? _repetitionLevels = field.MaxRepetitionLevel > 0 ? BatchBuffers<int>.Shared.Rent(capacity) : null;
        private TValue[] _values = BatchBuffers<TValue>.Shared.Rent(capacity);
        private int _levels;
        private int _valueCount;

        public void Append(LeafCursor<TPhysical, TValue> cursor, int levelStart, int levelEnd, int valueStart, int values)
        {
            int levels = levelEnd - levelStart;
            Grow(ref _definitionLevels, _levels, levels);
            Grow(ref _repetitionLevels, _levels, levels);
            Grow(ref _values!, _valueCount, values);
            if (_definitionLevels is not null) Widen(cursor._definitionLevels!.AsSpan(levelStart, levels), _definitionLevels.AsSpan(_levels));
            if (_repetitionLevels is not null) Widen(cursor._repetitionLevels!.AsSpan(levelStart, levels), _repetitionLevels.AsSpan(_levels));
            cursor.Convert(cursor._values!.AsSpan(valueStart, values), _values.AsSpan(_valueCount, values));
            _levels += levels;
            _valueCount += values;
        }

        public PassThroughColumn ToColumn(DataField field, int rows) =>
            new PassThroughColumn<TValue>(field, rows, _values, _valueCount, _definitionLevels, _repetitionLevels, _levels);

        public void Return()
        {
            BatchBuffers<TValue>.Shared.Return(_values);
            if (_definitionLevels is not null) BatchBuffers<int>.Shared.Return(_definitionLevels);
            if (_repetitionLevels is not null) BatchBuffers<int>.Shared.Return(_repetitionLevels);
        }

        private static void Widen(ReadOnlySpan<short> from, Span<int> into)
        {
            for (int i = 0; i < from.Length; i++) into[i] = from[i];
        }

        private static void Grow<T>(ref T[]? buffer, int used, int more)
        {
            if (buffer is null || used + more <= buffer.Length) return;
            T[] larger = BatchBuffers<T>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(used + more, (long)buffer.Length * 3 / 2)));
            buffer.AsSpan(0, used).CopyTo(larger);
            BatchBuffers<T>.Shared.Return(buffer);
            buffer = larger;
        }
    }
}
