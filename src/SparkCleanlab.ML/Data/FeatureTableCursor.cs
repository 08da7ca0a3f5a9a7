using Microsoft.ML;
using Microsoft.ML.Data;

namespace SparkCleanlab.ML.Data;

/// <summary>A forward cursor over a <see cref="FeatureTableDataView"/>; getters read straight from the table's arrays.</summary>
internal sealed class FeatureTableCursor : DataViewRowCursor
{
    private readonly FeatureTable _table;
    private readonly TrainingRows _rows;
    private long _position = -1;

    public FeatureTableCursor(IDataView view, FeatureTable table, TrainingRows rows)
    {
        Schema = view.Schema;
        _table = table;
        _rows = rows;
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    public override long Batch => 0;

    public override bool MoveNext()
    {
        if (_position + 1 >= _rows.Rows.Length)
        {
            _position = _rows.Rows.Length;
            return false;
        }

        _position++;
        return true;
    }

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        Delegate getter = column.Index < _table.Columns.Count
            ? FeatureGetter(_table.Columns[column.Index])
            : column.Name == ColumnNames.Label ? LabelGetter() : WeightGetter();
        return (ValueGetter<TValue>)getter;
    }

    private int TableRow => _rows.Rows[(int)_position];

    private Delegate FeatureGetter(FeatureColumn column) => column.Kind switch
    {
        FeatureKind.Numeric => (ValueGetter<float>)((ref float value) => value = column.Numbers![TableRow]),
        FeatureKind.Vector => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
        {
            float[] source = column.Vectors![TableRow];
            var editor = VBufferEditor.Create(ref value, source.Length);
            source.CopyTo(editor.Values);
            value = editor.Commit();
        }),
        _ => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
            value = (column.Strings![TableRow] ?? string.Empty).AsMemory()),
    };

    private ValueGetter<uint> LabelGetter() =>
        (ref uint value) => value = (uint)_rows.Labels![TableRow] + 1;

    private ValueGetter<float> WeightGetter() =>
        (ref float value) => value = _rows.Weights![TableRow];
}
