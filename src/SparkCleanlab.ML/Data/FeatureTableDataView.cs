using Microsoft.ML;
using Microsoft.ML.Data;

namespace SparkCleanlab.ML.Data;

/// <summary>
/// An ML.NET <see cref="IDataView"/> over selected rows of a <see cref="FeatureTable"/>. The label
/// is exposed as a key type of count K with key value = class index + 1, so score slot j is
/// class j by construction: ML.NET's MapValueToKey would instead number classes in order of
/// first appearance, which silently permutes the probability columns.
/// </summary>
internal sealed class FeatureTableDataView : IDataView
{
    private readonly FeatureTable _table;
    private readonly TrainingRows _rows;

    public FeatureTableDataView(FeatureTable table, TrainingRows rows)
    {
        _table = table;
        _rows = rows;
        Schema = BuildSchema(table.Schema, rows.Labels is null ? null : rows.ClassCount, rows.Weights is not null);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Rows.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new FeatureTableCursor(this, _table, _rows);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    /// <summary>The schema of a scoring view (features only): what a saved model records as its input.</summary>
    public static DataViewSchema InputSchema(FeatureSchema features) => BuildSchema(features, null, false);

    private static DataViewSchema BuildSchema(FeatureSchema features, int? labelClassCount, bool weighted)
    {
        var builder = new DataViewSchema.Builder();
        foreach (FeatureSchemaColumn column in features.Columns)
        {
            DataViewType type = column.Kind switch
            {
                FeatureKind.Numeric => NumberDataViewType.Single,
                FeatureKind.Vector => new VectorDataViewType(NumberDataViewType.Single, column.VectorLength),
                _ => TextDataViewType.Instance,
            };
            builder.AddColumn(column.Name, type);
        }

        if (labelClassCount is { } classCount)
        {
            builder.AddColumn(ColumnNames.Label, new KeyDataViewType(typeof(uint), classCount));
        }

        if (weighted)
        {
            builder.AddColumn(ColumnNames.Weight, NumberDataViewType.Single);
        }

        return builder.ToSchema();
    }
}
