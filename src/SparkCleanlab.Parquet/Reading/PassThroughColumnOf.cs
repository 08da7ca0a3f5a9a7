using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>A <see cref="PassThroughColumn"/> of Parquet.Net's storage type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The field's CLR storage type (strings are <see cref="ReadOnlyMemory{T}"/> of char).</typeparam>
internal sealed class PassThroughColumn<T> : PassThroughColumn where T : struct
{
    private readonly Lock _indexLock = new();
    private T[]? _values;
    private int[]? _definitionLevels;
    private int[]? _repetitionLevels;
    private RowIndex? _rowIndex;

    internal PassThroughColumn(DataField field, int rowCount, T[] values, int valueCount, int[]? definitionLevels, int[]? repetitionLevels, int levelCount)
        : base(field, rowCount)
    {
        _values = values;
        ValueCount = valueCount;
        _definitionLevels = definitionLevels;
        _repetitionLevels = repetitionLevels;
        LevelCount = levelCount;
    }

    /// <summary>Number of non-null leaf values.</summary>
    public int ValueCount { get; }

    /// <summary>Number of level entries: one per row for flat columns, one per element or empty list for lists.</summary>
    public int LevelCount { get; }

    /// <summary>The non-null leaf values in storage order.</summary>
    public ReadOnlySpan<T> Values => Live(_values).AsSpan(0, ValueCount);

    /// <inheritdoc />
    public override ReadOnlySpan<int> DefinitionLevels => _definitionLevels is null ? default : Live(_definitionLevels).AsSpan(0, LevelCount);

    /// <inheritdoc />
    public override ReadOnlySpan<int> RepetitionLevels => _repetitionLevels is null ? default : Live(_repetitionLevels).AsSpan(0, LevelCount);

    /// <inheritdoc />
    public override void Dispose()
    {
        Return(ref _values);
        Return(ref _definitionLevels);
        Return(ref _repetitionLevels);
        _rowIndex?.Dispose();
        _rowIndex = null;
    }

    internal static async Task<PassThroughColumn> ReadTypedAsync(ParquetRowGroupReader reader, DataField field, int rowCount, CancellationToken cancellationToken)
    {
        int levelCount = checked((int)(reader.GetMetadata(field)?.MetaData?.NumValues
            ?? throw new InvalidDataException($"column chunk metadata for '{field.Path}' is missing")));
        T[] values = BatchBuffers<T>.Shared.Rent(levelCount);
        int[]? definitionLevels = field.MaxDefinitionLevel > 0 ? BatchBuffers<int>.Shared.Rent(levelCount) : null;
        int[]? repetitionLevels = field.MaxRepetitionLevel > 0 ? BatchBuffers<int>.Shared.Rent(levelCount) : null;
        try
        {
            await reader.ReadRawAsync(
                field,
                values.AsMemory(0, levelCount),
                definitionLevels?.AsMemory(0, levelCount),
                repetitionLevels?.AsMemory(0, levelCount),
                cancellationToken);
            // Decoders index rows by these counts; a chunk that disagrees with its row group's row count is corrupt.
            int rows = repetitionLevels is null ? levelCount : repetitionLevels.AsSpan(0, levelCount).Count(0);
            if (rows != rowCount) throw new InvalidDataException($"the column chunk holds {rows} rows but its row group claims {rowCount}");
        }
        catch
        {
            Return(ref values!);
            Return(ref definitionLevels);
            Return(ref repetitionLevels);
            throw;
        }
        return new PassThroughColumn<T>(field, rowCount, values, CountValues(field, definitionLevels, levelCount), definitionLevels, repetitionLevels, levelCount);
    }

    internal static PassThroughColumn<T> Repeat(DataField field, T? value, int rowCount)
    {
        T[] values = BatchBuffers<T>.Shared.Rent(value is null ? 0 : rowCount);
        int[] definitionLevels = BatchBuffers<int>.Shared.Rent(rowCount);
        if (value is not null) values.AsSpan(0, rowCount).Fill(value.Value);
        definitionLevels.AsSpan(0, rowCount).Fill(value is null ? 0 : 1);
        return new PassThroughColumn<T>(field, rowCount, values, value is null ? 0 : rowCount, definitionLevels, null, rowCount);
    }

    internal override async Task WriteAsync(ParquetRowGroupWriter writer, DataField target, ReadOnlyMemory<int>? rows, CancellationToken cancellationToken)
    {
        if (rows is not null)
        {
            using PassThroughColumn subset = Subset(rows.Value.Span);
            await subset.WriteAsync(writer, target, null, cancellationToken);
            return;
        }

        await writer.WriteAllPartsAsync<T>(
            target,
            (ReadOnlyMemory<T>)Live(_values).AsMemory(0, ValueCount),
            _definitionLevels?.AsMemory(0, LevelCount),
            _repetitionLevels?.AsMemory(0, LevelCount),
            cancellationToken);
    }

    internal override ColumnBuffer NewBuffer(DataField field) => new ColumnBuffer<T>(field);

    // Sized in a first pass so each buffer is rented once; the gathered buffers become the new column's own.
    internal override PassThroughColumn Subset(ReadOnlySpan<int> rows)
    {
        RowIndex index = Index();
        int levelCount = 0;
        int valueCount = 0;
        foreach (int row in rows)
        {
            levelCount += index.LevelStart(row + 1) - index.LevelStart(row);
            valueCount += index.ValueStart(row + 1) - index.ValueStart(row);
        }

        ReadOnlySpan<T> sourceValues = Values;
        ReadOnlySpan<int> sourceDefinitionLevels = DefinitionLevels;
        ReadOnlySpan<int> sourceRepetitionLevels = RepetitionLevels;
        T[] values = BatchBuffers<T>.Shared.Rent(valueCount);
        int[]? definitionLevels = _definitionLevels is null ? null : BatchBuffers<int>.Shared.Rent(levelCount);
        int[]? repetitionLevels = _repetitionLevels is null ? null : BatchBuffers<int>.Shared.Rent(levelCount);
        int levelAt = 0;
        int valueAt = 0;
        foreach (int row in rows)
        {
            int levelStart = index.LevelStart(row);
            int levels = index.LevelStart(row + 1) - levelStart;
            int valueStart = index.ValueStart(row);
            int rowValues = index.ValueStart(row + 1) - valueStart;
            sourceValues.Slice(valueStart, rowValues).CopyTo(values.AsSpan(valueAt));
            if (definitionLevels is not null) sourceDefinitionLevels.Slice(levelStart, levels).CopyTo(definitionLevels.AsSpan(levelAt));
            if (repetitionLevels is not null) sourceRepetitionLevels.Slice(levelStart, levels).CopyTo(repetitionLevels.AsSpan(levelAt));
            levelAt += levels;
            valueAt += rowValues;
        }
        return new PassThroughColumn<T>(Field, rows.Length, values, valueCount, definitionLevels, repetitionLevels, levelCount);
    }

    // Built once per column on first subset write; the issues and cleaned writers may ask at the same time.
    internal override RowIndex Index()
    {
        lock (_indexLock)
        {
            return _rowIndex ??= RowIndex.Build(Field, RowCount, DefinitionLevels, RepetitionLevels, LevelCount);
        }
    }

    private static int CountValues(DataField field, int[]? definitionLevels, int levelCount) =>
        definitionLevels is null ? levelCount : definitionLevels.AsSpan(0, levelCount).Count(field.MaxDefinitionLevel);

    private static TArray[] Live<TArray>(TArray[]? buffer) =>
        buffer ?? throw new ObjectDisposedException(nameof(PassThroughColumn), "the batch this column belongs to was disposed");

    private static void Return<TArray>(ref TArray[]? buffer)
    {
        if (buffer is null) return;
        BatchBuffers<TArray>.Shared.Return(buffer);
        buffer = null;
    }
}
