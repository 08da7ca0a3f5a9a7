using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Reading.Slices;

/// <summary>What an error from ParquetSharp's native reader means for the run.</summary>
internal static class NativeFailure
{
    /// <summary>
    /// <paramref name="inputError"/> for a file that cannot be decoded, but an <see cref="OutOfMemoryException"/> for a
    /// failed allocation: Arrow reports both as a <see cref="ParquetSharp.ParquetException"/>, and running out of memory
    /// is the machine's state, not the file's, so it goes where the runtime's own out-of-memory goes.
    /// </summary>
    public static Exception Of(Exception error, InputDataException inputError) =>
        error is ParquetSharp.ParquetException && (error.Message.Contains("Out of memory", StringComparison.OrdinalIgnoreCase) || error.Message.Contains("bad_alloc", StringComparison.Ordinal))
            ? new OutOfMemoryException(error.Message, error)
            : inputError;
}
