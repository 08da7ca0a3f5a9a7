using Parquet.Schema;
using SparkCleanlab.Parquet.Memory;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Provided probabilities as pass-through columns, one non-null double column per class, so the writers copy them
/// into every output like any column of the files.
/// </summary>
internal static class ProvidedColumns
{
    /// <summary>Fresh fields for the columns; Parquet.Net binds a field to the one schema it is built into.</summary>
    public static IEnumerable<Field> Fields(IEnumerable<string> names) => names.Select(name => (Field)new DataField<double>(name));

    /// <summary>The K columns of one partition's rows.</summary>
    public static PassThroughColumn[] Of(ProvidedProbabilities provided, InputPartition partition)
    {
        int count = (int)partition.RowCount;
        int k = provided.ClassCount;
        ReadOnlySpan<double> rows = provided.Rows(partition.FirstPosition, count);
        var columns = new PassThroughColumn[k];
        for (int c = 0; c < k; c++)
        {
            double[] values = BatchBuffers<double>.Shared.Rent(count);
            for (int row = 0; row < count; row++) values[row] = rows[row * k + c];
            columns[c] = new PassThroughColumn<double>(new DataField<double>(provided.ColumnNames[c]), count, values, count, null, null, count);
        }
        return columns;
    }
}
