using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// Writes rows taken from many source batches, in the order they are appended, into numbered part files
/// (<c>part-00000</c>, <c>part-00001</c>, ...) of bounded row groups. Appended rows are copied at once, so a
/// caller can release a source as soon as it has appended from it: memory is one row group, whatever the
/// number of rows or sources. A k-way merge of sorted runs appends each run as it comes.
/// </summary>
internal sealed class OrderedPartWriter : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _runId;
    private readonly DatasetSchema _input;
    private readonly IReadOnlyList<AddedColumn> _added;
    private readonly DataField[] _fields;
    private readonly GatherLimits _limits;
    private ColumnBuffer[]? _buffers;
    private PartFileWriter? _file;
    private int _buffered;
    private int _files;
    private int _nextPart;

    private OrderedPartWriter(string folder, string runId, DatasetSchema input, IReadOnlyList<AddedColumn> added, DataField[] fields, GatherLimits limits, int firstPart)
    {
        _nextPart = firstPart;
        _folder = folder;
        _runId = runId;
        _input = input;
        _added = added;
        _fields = fields;
        _limits = limits;
    }

    /// <summary>Rows appended so far, written or buffered.</summary>
    public long RowCount { get; private set; }

    /// <summary>Part files started so far.</summary>
    public int FileCount => _files;

    /// <summary>
    /// Starts writing into <paramref name="folder"/> (which must exist). Files hold the input's columns plus
    /// <paramref name="added"/>, like <see cref="PartFileWriter"/>'s, and are only created once rows arrive.
    /// Part numbers start at <paramref name="firstPart"/>, so writers of consecutive row ranges can run side by side.
    /// </summary>
    public static async Task<OrderedPartWriter> CreateAsync(string folder, string runId, DatasetSchema input, IReadOnlyList<AddedColumn> added, GatherLimits? limits = null, int firstPart = 0)
    {
        limits ??= new GatherLimits();
        limits.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(firstPart);
        DataField[] fields = (await PartFileWriter.OutputSchemaAsync(input, added)).GetDataFields();
        return new OrderedPartWriter(folder, runId, input, added, fields, limits, firstPart);
    }

    /// <summary>
    /// Prepares <paramref name="batch"/> for appending, with <paramref name="added"/> holding one
    /// <see cref="AddedValues"/> per added column, indexed by batch row. Dispose the source before the batch.
    /// </summary>
    public GatherSource Source(InputBatch batch, IReadOnlyList<AddedValues> added)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(added);
        PartFileWriter.CheckShape(batch, added, _fields[..^_added.Count], _added);
        return new GatherSource(batch, added, _fields);
    }

    /// <summary>
    /// Appends rows <paramref name="firstRow"/> .. <paramref name="firstRow"/> + <paramref name="rowCount"/> - 1 of
    /// <paramref name="source"/> after the rows appended before, writing each row group as soon as it is full.
    /// </summary>
    public async Task AppendAsync(GatherSource source, int firstRow, int rowCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstRow + rowCount, source.RowCount, nameof(rowCount));
        if (source.ColumnCount != _fields.Length) throw new ArgumentException("the source was made by another writer", nameof(source));
        _buffers ??= _fields.Select((f, i) => source.Column(i).NewBuffer(f)).ToArray();
        while (rowCount > 0)
        {
            int take = Math.Min(rowCount, GroupCapacity() - _buffered);
            for (int i = 0; i < _buffers.Length; i++)
            {
                _buffers[i].Append(source.Column(i), source.Index(i), firstRow, take);
            }
            _buffered += take;
            RowCount += take;
            firstRow += take;
            rowCount -= take;
            if (_buffered == GroupCapacity()) await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the last row group and closes the last file; call it once every row is appended.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_buffered > 0) await FlushAsync(cancellationToken);
        await CloseFileAsync();
    }

    /// <summary>
    /// Closes the current file and returns the buffers. Rows not yet written by <see cref="CompleteAsync"/> are
    /// dropped: after a failure they may be half appended, and the output folder is discarded anyway.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseFileAsync();
        }
        finally
        {
            foreach (ColumnBuffer buffer in _buffers ?? []) buffer.Dispose();
            _buffers = null;
        }
    }

    // A row group never straddles two files, so every file but the last holds exactly RowsPerFile rows.
    private int GroupCapacity() => (int)Math.Min(_limits.RowGroupRows, _limits.RowsPerFile - (_file?.RowsWritten ?? 0));

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            _files++;
            _file = await PartFileWriter.CreateAsync(Path.Combine(_folder, PartFileName.Of(_nextPart++, _runId)), _input, _added, cancellationToken);
        }
        await _file.WriteGatheredAsync(_buffers!, _buffered, cancellationToken);
        foreach (ColumnBuffer buffer in _buffers!) buffer.Clear();
        _buffered = 0;
        if (_file.RowsWritten == _limits.RowsPerFile) await CloseFileAsync();
    }

    private async Task CloseFileAsync()
    {
        if (_file is null) return;
        PartFileWriter file = _file;
        _file = null;
        await file.DisposeAsync();
    }
}
