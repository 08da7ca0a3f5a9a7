namespace SparkCleanlab.ML.Data;

/// <summary>
/// An in-memory data set of feature columns with the same row count. Labels and weights are
/// passed beside it, so the same table serves training, out-of-fold prediction and scoring.
/// </summary>
public sealed class FeatureTable
{
    /// <summary>Creates a table from columns of equal length with distinct names.</summary>
    /// <param name="columns">At least one column.</param>
    public FeatureTable(params IReadOnlyList<FeatureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A feature table needs at least one column.", nameof(columns));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (FeatureColumn column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            if (!names.Add(column.Name))
            {
                throw new ArgumentException($"Feature column '{column.Name}' appears twice.", nameof(columns));
            }

            if (column.RowCount != columns[0].RowCount)
            {
                throw new ArgumentException(
                    $"Feature column '{column.Name}' has {column.RowCount} rows but '{columns[0].Name}' has {columns[0].RowCount}.",
                    nameof(columns));
            }
        }

        Columns = columns.ToArray();
        RowCount = columns[0].RowCount;
    }

    /// <summary>The columns, in the order given.</summary>
    public IReadOnlyList<FeatureColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>A table with one vector column named <paramref name="name"/> holding the rows of a dense matrix.</summary>
    /// <param name="rows">One array per row, all of the same length.</param>
    /// <param name="name">The column name.</param>
    public static FeatureTable FromMatrix(float[][] rows, string name = "features") =>
        new(FeatureColumn.Vector(name, rows));

    /// <summary>The table's column layout, without its data (what a saved model expects as input).</summary>
    public FeatureSchema Schema =>
        new(Columns.Select(c => new FeatureSchemaColumn(c.Name, c.Kind, c.VectorLength)).ToArray());
}
