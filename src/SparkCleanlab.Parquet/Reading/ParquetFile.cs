using Parquet;
using Parquet.Schema;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Opens an input Parquet file and reads its column chunks, turning a file that is not readable Parquet, or a
/// chunk that cannot be decoded, into an input error naming the file, row group and column.
/// </summary>
internal static class ParquetFile
{
    /// <summary>Opens <paramref name="file"/> for reading, with its schema decoded.</summary>
    /// <exception cref="InputDataException">The file is unreadable, truncated or not Parquet.</exception>
    public static async Task<ParquetReader> OpenAsync(string file, CancellationToken cancellationToken)
    {
        ParquetReader? reader = null;
        try
        {
            if (ParquetFooterCheck.Problem(file) is { } problem)
            {
                throw new InputDataException(
                    $"Not a readable Parquet file: {problem}",
                    "The file may be truncated or not Parquet at all; rewrite it or remove it from the input.",
                    file: file);
            }
            reader = await ParquetReader.CreateAsync(file, null, cancellationToken);
            // Parquet.Net decodes the schema on first use; a corrupt footer must fail here, where it is wrapped.
            _ = reader.Schema;
            return reader;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputDataException(
                "Cannot read the file: permission denied",
                "Grant the job's user read access to the file, or remove it from the input.",
                file: file, inner: e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or InputDataException or OutOfMemoryException))
        {
            if (reader is not null) await reader.DisposeAsync();
            throw new InputDataException(
                $"Not a readable Parquet file: {e.Message}",
                "The file may be truncated or not Parquet at all; rewrite it or remove it from the input.",
                file: file, inner: e);
        }
    }

    /// <summary>Opens row group <paramref name="rowGroup"/> of an opened file.</summary>
    /// <exception cref="InputDataException">The row group's metadata cannot be decoded.</exception>
    public static ParquetRowGroupReader OpenRowGroup(ParquetReader reader, string file, int rowGroup)
    {
        try
        {
            return reader.OpenRowGroupReader(rowGroup);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InputDataException(
                $"Cannot read the row group's metadata: {e.Message}",
                "The file may be corrupt; rewrite it or remove it from the input.",
                file: file, rowGroup: rowGroup, inner: e);
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
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            throw ColumnError(e, file, rowGroup, field);
        }
    }

    /// <summary>The input error for a column chunk of <paramref name="file"/> that <paramref name="error"/> stopped from decoding.</summary>
    public static InputDataException ColumnError(Exception error, string file, int rowGroup, DataField field) =>
        new(
            $"Cannot read column data: {error.Message}",
            "The file may be truncated or corrupt; rewrite it or remove it from the input.",
            file: file, rowGroup: rowGroup, column: field.Path.ToString(), inner: error);
}
