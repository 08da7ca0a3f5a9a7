using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// One batch and its added values, ready for <see cref="OrderedPartWriter.AppendAsync"/> to copy row ranges out
/// of. Made by <see cref="OrderedPartWriter.Source"/>; the batch must stay alive until this source is disposed.
/// </summary>
public sealed class GatherSource : IDisposable
{
    private readonly PassThroughColumn[] _columns;
    private readonly DataField[] _fields;
    private readonly RowIndex?[] _indexes;
    private readonly int _addedFrom;

    internal GatherSource(InputBatch batch, IReadOnlyList<AddedValues> added, DataField[] fields)
    {
        RowCount = batch.Count;
        _fields = fields;
        _addedFrom = batch.Columns.Count;
        _columns = new PassThroughColumn[fields.Length];
        _indexes = new RowIndex?[fields.Length];
        for (int i = 0; i < _addedFrom; i++) _columns[i] = batch.Columns[i];
        for (int i = 0; i < added.Count; i++) _columns[_addedFrom + i] = added[i].ToColumn(fields[_addedFrom + i]);
    }

    /// <summary>Rows in the source batch.</summary>
    public int RowCount { get; }

    internal int ColumnCount => _columns.Length;

    internal PassThroughColumn Column(int column) => _columns[column];

    // Built on first use: a source is usually appended from many times, a run of rows at a time.
    internal RowIndex Index(int column)
    {
        PassThroughColumn source = _columns[column];
        return _indexes[column] ??= RowIndex.Build(_fields[column], RowCount, source.DefinitionLevels, source.RepetitionLevels, LevelCount(source));
    }

    /// <summary>Returns the row tables and the copies of the added values; the batch itself stays with its owner.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _columns.Length; i++)
        {
            _indexes[i]?.Dispose();
            _indexes[i] = null;
            if (i >= _addedFrom) _columns[i].Dispose();
        }
    }

    private int LevelCount(PassThroughColumn column) =>
        !column.DefinitionLevels.IsEmpty ? column.DefinitionLevels.Length : !column.RepetitionLevels.IsEmpty ? column.RepetitionLevels.Length : RowCount;
}
