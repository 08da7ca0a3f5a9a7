using System.Collections.Concurrent;
using System.Reflection;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// One leaf column of a batch (a row group or a slice of one) exactly as Parquet stores it (values plus definition and repetition levels),
/// so writers can copy rows untouched whatever the type or nesting. Buffers are pooled and returned on dispose.
/// </summary>
internal abstract class PassThroughColumn : IDisposable
{
    private static readonly ConcurrentDictionary<Type, Func<ParquetRowGroupReader, DataField, int, CancellationToken, Task<PassThroughColumn>>> Readers = new();

    private protected PassThroughColumn(DataField field, int rowCount)
    {
        Field = field;
        RowCount = rowCount;
    }

    /// <summary>The column's field as read (name, path, type, nesting).</summary>
    public DataField Field { get; }

    /// <summary>The column's name: its dotted path for nested columns.</summary>
    public string Name => Field.Path.ToString();

    /// <summary>Rows in the batch this column belongs to: a row group, or a slice of one.</summary>
    public int RowCount { get; }

    /// <summary>Definition levels (empty when the column is required and flat).</summary>
    public abstract ReadOnlySpan<int> DefinitionLevels { get; }

    /// <summary>Repetition levels (empty for flat columns); 0 starts a new row.</summary>
    public abstract ReadOnlySpan<int> RepetitionLevels { get; }

    /// <summary>Returns the pooled buffers.</summary>
    public abstract void Dispose();

    /// <summary>
    /// Writes all rows (<paramref name="rows"/> null) or the given rows in the given order as the next column of
    /// <paramref name="writer"/>, whose own schema field is <paramref name="target"/>.
    /// </summary>
    internal abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField target, ReadOnlyMemory<int>? rows, CancellationToken cancellationToken);

    /// <summary>Where each row's levels and values start; built on first use and freed with the column.</summary>
    internal abstract RowIndex Index();

    /// <summary>A copy of the given rows, in the given order, as a column of its own; dispose it apart from this one.</summary>
    internal abstract PassThroughColumn Subset(ReadOnlySpan<int> rows);

    /// <summary>An empty buffer of this column's storage type, shaped like <paramref name="field"/>, to gather rows into.</summary>
    internal abstract ColumnBuffer NewBuffer(DataField field);

    /// <summary>Reads one leaf column of a row group into pooled buffers.</summary>
    internal static Task<PassThroughColumn> ReadAsync(ParquetRowGroupReader reader, DataField field, CancellationToken cancellationToken)
    {
        var read = Readers.GetOrAdd(field.ClrType, static type =>
            typeof(PassThroughColumn<>).MakeGenericType(type)
                .GetMethod(nameof(PassThroughColumn<int>.ReadTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .CreateDelegate<Func<ParquetRowGroupReader, DataField, int, CancellationToken, Task<PassThroughColumn>>>());
        return read(reader, field, checked((int)reader.RowCount), cancellationToken);
    }

    /// <summary>A nullable string column with the same value on every row: a Hive partition value.</summary>
    internal static PassThroughColumn Constant(string column, string? value, int rowCount) =>
        PassThroughColumn<ReadOnlyMemory<char>>.Repeat(new DataField<string>(column, true), value?.AsMemory(), rowCount);
}
