using SparkCleanlab.Parquet.Memory;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>A <see cref="ColumnBuffer"/> of Parquet.Net's storage type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The column's CLR storage type, as in <see cref="PassThroughColumn{T}"/>.</typeparam>
internal sealed class ColumnBuffer<T>(DataField field) : ColumnBuffer where T : struct
{
    private readonly bool _hasDefinitionLevels = field.MaxDefinitionLevel > 0;
    private readonly bool _hasRepetitionLevels = field.MaxRepetitionLevel > 0;
    private T[] _values = [];
    private int[] _definitionLevels = [];
    private int[] _repetitionLevels = [];
    private int _valueCount;
    private int _levelCount;

    public override void Append(PassThroughColumn source, RowIndex index, int firstRow, int rowCount)
    {
        if (source is not PassThroughColumn<T> typed)
        {
            throw new ArgumentException($"column '{source.Name}' stores {source.GetType().GetGenericArguments()[0].Name}, this output column stores {typeof(T).Name}", nameof(source));
        }

        // Consecutive rows are consecutive level entries and values, so a run is one slice copy per buffer.
        int levelStart = index.LevelStart(firstRow);
        int levels = index.LevelStart(firstRow + rowCount) - levelStart;
        int valueStart = index.ValueStart(firstRow);
        int values = index.ValueStart(firstRow + rowCount) - valueStart;
        typed.Values.Slice(valueStart, values).CopyTo(Reserve(ref _values, _valueCount, values));
        if (_hasDefinitionLevels) typed.DefinitionLevels.Slice(levelStart, levels).CopyTo(Reserve(ref _definitionLevels, _levelCount, levels));
        if (_hasRepetitionLevels) typed.RepetitionLevels.Slice(levelStart, levels).CopyTo(Reserve(ref _repetitionLevels, _levelCount, levels));
        _valueCount += values;
        _levelCount += levels;
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField target, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync<T>(
            target,
            (ReadOnlyMemory<T>)_values.AsMemory(0, _valueCount),
            Levels(_hasDefinitionLevels, _definitionLevels),
            Levels(_hasRepetitionLevels, _repetitionLevels),
            cancellationToken);

    // The cast matters: in "flag ? memory : null" the null becomes an empty array, which Parquet.Net reads as zero levels.
    private ReadOnlyMemory<int>? Levels(bool present, int[] levels) => present ? levels.AsMemory(0, _levelCount) : (ReadOnlyMemory<int>?)null;

    public override void Clear()
    {
        _valueCount = 0;
        _levelCount = 0;
    }

    public override void Dispose()
    {
        Return(ref _values);
        Return(ref _definitionLevels);
        Return(ref _repetitionLevels);
    }

    // Grows a pooled buffer (doubling, so a row group costs amortised O(1) copies per value) and returns the span to fill.
    private static Span<TItem> Reserve<TItem>(ref TItem[] buffer, int used, int needed)
    {
        if (used + needed > buffer.Length)
        {
            TItem[] larger = BatchBuffers<TItem>.Shared.Rent(Math.Max(used + needed, buffer.Length * 2));
            buffer.AsSpan(0, used).CopyTo(larger);
            Return(ref buffer);
            buffer = larger;
        }
        return buffer.AsSpan(used, needed);
    }

    private static void Return<TItem>(ref TItem[] buffer)
    {
        if (buffer.Length > 0) BatchBuffers<TItem>.Shared.Return(buffer);
        buffer = [];
    }
}
