using SparkCleanlab.Plan;
using Parquet;
using Parquet.Schema;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Opens an input Parquet file and reads its column chunks, turning a file that is not readable Parquet, or a
/// chunk that cannot be decoded, into an input error naming the file, row group and column.
/// </summary>
public static class ParquetFile
{
    /// <summary>Opens <paramref name="file"/> for reading.</summary>
    /// <exception cref="InputDataException">The file is truncated or not Parquet.</exception>
    public static async Task<ParquetReader> OpenAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(file, null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputDataException(
                $"Not a readable Parquet file: {e.Message}",
                "The file may be truncated or not Parquet at all; rewrite it or remove it from the input.",
                file: file, inner: e);
        }
    }

    /// <summary>Reads one leaf column of a row group into pooled buffers; dispose it to return them.</summary>
    /// <exception cref="InputDataException">The column chunk cannot be read.</exception>
    public static async Task<PassThroughColumn> ReadColumnAsync(
        ParquetRowGroupReader group, DataField field, string file, int rowGroup, CancellationToken cancellationToken)
    {
        try
        {
            return await PassThroughColumn.ReadAsync(group, field, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputDataException(
                $"Cannot read column data: {e.Message}",
                "The file may be truncated or corrupt; rewrite it or remove it from the input.",
                file: file, rowGroup: rowGroup, column: field.Path.ToString(), inner: e);
        }
    }
}
