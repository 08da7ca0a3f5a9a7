using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// One batch and its added values, ready for <see cref="OrderedPartWriter.AppendAsync"/> to copy row ranges out
/// of. Made by <see cref="OrderedPartWriter.Source"/>; the batch must stay alive until this source is disposed.
/// </summary>
internal sealed class GatherSource : IDisposable
{
    private readonly PassThroughColumn[] _columns;
    private readonly int _addedFrom;

    internal GatherSource(InputBatch batch, IReadOnlyList<AddedValues> added, DataField[] fields)
    {
        RowCount = batch.Count;
        _addedFrom = batch.Columns.Count;
        _columns = new PassThroughColumn[fields.Length];
        for (int i = 0; i < _addedFrom; i++) _columns[i] = batch.Columns[i];
        for (int i = 0; i < added.Count; i++) _columns[_addedFrom + i] = added[i].ToColumn(fields[_addedFrom + i]);
    }

    /// <summary>Rows in the source batch.</summary>
    public int RowCount { get; }

    internal int ColumnCount => _columns.Length;

    internal PassThroughColumn Column(int column) => _columns[column];

    // A column keeps its row index once built: a source is usually appended from many times, a run of rows at a time.
    internal RowIndex Index(int column) => _columns[column].Index();

    /// <summary>Returns the copies of the added values (with their row indexes); the batch itself stays with its owner.</summary>
    public void Dispose()
    {
        for (int i = _addedFrom; i < _columns.Length; i++)
        {
            _columns[i].Dispose();
        }
    }
}
