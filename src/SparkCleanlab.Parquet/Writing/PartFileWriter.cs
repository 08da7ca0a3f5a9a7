using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// Writes one Snappy-compressed part file: the input's pass-through columns copied untouched, then the job's
/// added columns. Each <see cref="WriteAsync"/> call writes one row group, from a whole batch or a subset of its
/// rows in any order (issues are written worst first).
/// </summary>
internal sealed class PartFileWriter : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _passThrough;
    private readonly DataField[] _added;
    private readonly IReadOnlyList<AddedColumn> _addedColumns;

    private PartFileWriter(string path, FileStream stream, ParquetWriter writer, DataField[] passThrough, DataField[] added, IReadOnlyList<AddedColumn> addedColumns)
    {
        FilePath = path;
        _stream = stream;
        _writer = writer;
        _passThrough = passThrough;
        _added = added;
        _addedColumns = addedColumns;
    }

    /// <summary>The part file being written.</summary>
    public string FilePath { get; }

    /// <summary>Rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Creates <paramref name="path"/> (which must not exist) with the input's columns plus <paramref name="added"/>.</summary>
    public static async Task<PartFileWriter> CreateAsync(string path, DatasetSchema input, IReadOnlyList<AddedColumn> added, CancellationToken cancellationToken = default)
    {
        ParquetSchema schema = await OutputSchemaAsync(input, added);
        DataField[] dataFields = schema.GetDataFields();
        int passThroughCount = dataFields.Length - added.Count;

        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        try
        {
            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
            ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, options, false, cancellationToken);
            return new PartFileWriter(path, stream, writer, dataFields[..passThroughCount], dataFields[passThroughCount..], added);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh output schema: the input's columns, its Hive partition columns as strings, then <paramref name="added"/>.</summary>
    internal static async Task<ParquetSchema> OutputSchemaAsync(DatasetSchema input, IReadOnlyList<AddedColumn> added)
    {
        ParquetSchema source = await input.NewSourceSchemaAsync();
        Field[] partitionFields = input.PartitionColumns.Select(c => (Field)new DataField<string>(c, true)).ToArray();
        Field[] addedFields = added.Select(a => a.ToField()).ToArray();
        return new ParquetSchema(source.Fields.Concat(partitionFields).Concat(addedFields));
    }

    /// <summary>
    /// Writes one row group: all rows of <paramref name="batch"/>, or <paramref name="rows"/> (batch row indices,
    /// any order) when given. <paramref name="added"/> holds one <see cref="AddedValues"/> per added column, indexed
    /// by batch row. An empty subset writes nothing.
    /// </summary>
    public async Task WriteAsync(InputBatch batch, IReadOnlyList<AddedValues> added, ReadOnlyMemory<int>? rows = null, CancellationToken cancellationToken = default)
    {
        CheckShape(batch, added, _passThrough, _addedColumns);
        int count = rows?.Length ?? batch.Count;
        if (count == 0) return;

        using ParquetRowGroupWriter group = _writer.CreateRowGroup();
        for (int i = 0; i < _passThrough.Length; i++)
        {
            await batch.Columns[i].WriteAsync(group, _passThrough[i], rows, cancellationToken);
        }
        for (int i = 0; i < _added.Length; i++)
        {
            await added[i].WriteAsync(group, _added[i], rows, cancellationToken);
        }
        group.CompleteValidate();
        RowsWritten += count;
    }

    /// <summary>Writes one row group of <paramref name="rowCount"/> rows from gathered buffers, one per column in schema order.</summary>
    internal async Task WriteGatheredAsync(IReadOnlyList<ColumnBuffer> columns, int rowCount, CancellationToken cancellationToken)
    {
        using ParquetRowGroupWriter group = _writer.CreateRowGroup();
        for (int i = 0; i < columns.Count; i++)
        {
            await columns[i].WriteAsync(group, i < _passThrough.Length ? _passThrough[i] : _added[i - _passThrough.Length], cancellationToken);
        }
        group.CompleteValidate();
        RowsWritten += rowCount;
    }

    /// <summary>Writes the footer and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _stream.DisposeAsync();
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless the batch and added values fit the output's columns.</summary>
    internal static void CheckShape(InputBatch batch, IReadOnlyList<AddedValues> added, IReadOnlyList<DataField> passThrough, IReadOnlyList<AddedColumn> addedColumns)
    {
        if (batch.Columns.Count != passThrough.Count)
        {
            throw new ArgumentException($"batch from '{batch.File}' has {batch.Columns.Count} columns, this part file expects {passThrough.Count}", nameof(batch));
        }
        for (int i = 0; i < passThrough.Count; i++)
        {
            if (batch.Columns[i].Name != passThrough[i].Path.ToString())
            {
                throw new ArgumentException($"batch column {i} is '{batch.Columns[i].Name}', this part file expects '{passThrough[i].Path}'", nameof(batch));
            }
        }
        if (added.Count != addedColumns.Count)
        {
            throw new ArgumentException($"{added.Count} added value sets for {addedColumns.Count} added columns", nameof(added));
        }
        for (int i = 0; i < added.Count; i++)
        {
            if (added[i].Type != addedColumns[i].Type || added[i].Count != batch.Count)
            {
                throw new ArgumentException(
                    $"values for '{addedColumns[i].Name}' are {added[i].Count} x {added[i].Type}, expected {batch.Count} x {addedColumns[i].Type}", nameof(added));
            }
        }
    }
}
