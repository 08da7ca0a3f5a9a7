using Parquet;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>Opens an input Parquet file, turning a file that is not readable Parquet into an input error naming it.</summary>
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
}
