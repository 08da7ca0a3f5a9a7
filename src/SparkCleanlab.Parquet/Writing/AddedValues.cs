using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// The values of one <see cref="AddedColumn"/> for a batch, indexed by the batch's row (not by written row), so
/// the same arrays serve every subset written from the batch.
/// </summary>
internal abstract class AddedValues
{
    private protected AddedValues(AddedColumnType type, int count)
    {
        Type = type;
        Count = count;
    }

    /// <summary>The column type these values fit.</summary>
    public AddedColumnType Type { get; }

    /// <summary>Number of values (the batch's row count).</summary>
    public int Count { get; }

    /// <summary>Values of a bool column.</summary>
    public static AddedValues Of(ReadOnlyMemory<bool> values) => new Structs<bool>(AddedColumnType.Boolean, values);

    /// <summary>Values of an int32 column.</summary>
    public static AddedValues Of(ReadOnlyMemory<int> values) => new Structs<int>(AddedColumnType.Int32, values);

    /// <summary>Values of an int64 column.</summary>
    public static AddedValues Of(ReadOnlyMemory<long> values) => new Structs<long>(AddedColumnType.Int64, values);

    /// <summary>Values of a double column.</summary>
    public static AddedValues Of(ReadOnlyMemory<double> values) => new Structs<double>(AddedColumnType.Double, values);

    /// <summary>Values of a string column; null entries are written as nulls.</summary>
    public static AddedValues Of(IReadOnlyList<string?> values) => new Strings(values);

    /// <summary>Values of an int32 list column, one list per row.</summary>
    public static AddedValues OfLists(IReadOnlyList<int[]> lists) => new Lists<int>(AddedColumnType.Int32List, lists);

    /// <summary>Values of a string list column, one list per row.</summary>
    public static AddedValues OfLists(IReadOnlyList<string[]> lists) =>
        new Lists<ReadOnlyMemory<char>>(AddedColumnType.StringList, lists.Select(l => l.Select(s => s.AsMemory()).ToArray()).ToArray());

    /// <summary>Writes all values, or those of <paramref name="rows"/> in that order, as the writer's next column.</summary>
    internal abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? rows, CancellationToken cancellationToken);

    /// <summary>
    /// A copy of the values as a pass-through column shaped like <paramref name="field"/> (schema-bound, so its
    /// levels are known), so gathering treats job-computed and copied columns alike.
    /// </summary>
    internal abstract PassThroughColumn ToColumn(DataField field);

    private sealed class Structs<T>(AddedColumnType type, ReadOnlyMemory<T> values) : AddedValues(type, values.Length) where T : struct
    {
        internal override async Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? rows, CancellationToken cancellationToken)
        {
            if (rows is null)
            {
                await writer.WriteAsync(field, values, null, null, cancellationToken);
                return;
            }
            int count = rows.Value.Length;
            T[] gathered = BatchBuffers<T>.Shared.Rent(count);
            try
            {
                Gather(values.Span, rows.Value.Span, gathered);
                await writer.WriteAsync(field, (ReadOnlyMemory<T>)gathered.AsMemory(0, count), null, null, cancellationToken);
            }
            finally
            {
                BatchBuffers<T>.Shared.Return(gathered);
            }
        }

        internal override PassThroughColumn ToColumn(DataField field)
        {
            T[] copy = BatchBuffers<T>.Shared.Rent(Count);
            values.Span.CopyTo(copy);
            return new PassThroughColumn<T>(field, Count, copy, Count, null, null, Count);
        }

        private static void Gather(ReadOnlySpan<T> source, ReadOnlySpan<int> rows, Span<T> destination)
        {
            for (int i = 0; i < rows.Length; i++) destination[i] = source[rows[i]];
        }
    }

    private sealed class Strings(IReadOnlyList<string?> values) : AddedValues(AddedColumnType.String, values.Count)
    {
        internal override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? rows, CancellationToken cancellationToken)
        {
            if (rows is null) return writer.WriteAsync(field, values, null);
            var gathered = new string?[rows.Value.Length];
            ReadOnlySpan<int> span = rows.Value.Span;
            for (int i = 0; i < span.Length; i++) gathered[i] = values[span[i]];
            return writer.WriteAsync(field, gathered, null);
        }

        // Parquet.Net stores strings as character memory: non-null values only, definition level 1 where present.
        internal override PassThroughColumn ToColumn(DataField field)
        {
            var strings = BatchBuffers<ReadOnlyMemory<char>>.Shared.Rent(Count);
            int[] definitionLevels = BatchBuffers<int>.Shared.Rent(Count);
            int present = 0;
            for (int i = 0; i < Count; i++)
            {
                string? value = values[i];
                definitionLevels[i] = value is null ? 0 : 1;
                if (value is not null) strings[present++] = value.AsMemory();
            }
            return new PassThroughColumn<ReadOnlyMemory<char>>(field, Count, strings, present, definitionLevels, null, Count);
        }
    }

    // Every element is present, at the leaf's maximum definition level; an empty list sits below
    // the element's own level (and below the null-element level when elements are nullable);
    // repetition level 0 starts a row.
    private sealed class Lists<T>(AddedColumnType type, IReadOnlyList<T[]> lists) : AddedValues(type, lists.Count) where T : struct
    {
        internal override async Task WriteAsync(ParquetRowGroupWriter writer, DataField field, ReadOnlyMemory<int>? rows, CancellationToken cancellationToken)
        {
            using PassThroughColumn column = ToColumn(field);
            await column.WriteAsync(writer, field, rows, cancellationToken);
        }

        internal override PassThroughColumn ToColumn(DataField field)
        {
            int valueCount = lists.Sum(l => l.Length);
            int levelCount = lists.Sum(l => Math.Max(l.Length, 1));
            T[] values = BatchBuffers<T>.Shared.Rent(valueCount);
            int[] definitionLevels = BatchBuffers<int>.Shared.Rent(levelCount);
            int[] repetitionLevels = BatchBuffers<int>.Shared.Rent(levelCount);
            int value = 0;
            int level = 0;
            int emptyList = field.MaxDefinitionLevel - (field.IsNullable ? 2 : 1);
            foreach (T[] list in lists)
            {
                if (list.Length == 0)
                {
                    definitionLevels[level] = emptyList;
                    repetitionLevels[level++] = 0;
                    continue;
                }
                for (int j = 0; j < list.Length; j++)
                {
                    values[value++] = list[j];
                    definitionLevels[level] = field.MaxDefinitionLevel;
                    repetitionLevels[level++] = j == 0 ? 0 : field.MaxRepetitionLevel;
                }
            }
            return new PassThroughColumn<T>(field, Count, values, valueCount, definitionLevels, repetitionLevels, levelCount);
        }
    }
}
