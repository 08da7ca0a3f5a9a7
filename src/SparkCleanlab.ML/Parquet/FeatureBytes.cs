using Parquet;
using Parquet.Schema;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.ML.OutOfFold;

namespace SparkCleanlab.ML.Parquet;

/// <summary>
/// Estimates, from column chunk metadata alone, the memory the features take once read, so data that cannot
/// fit is refused before it is read rather than after the process runs out of memory.
/// </summary>
internal static class FeatureBytes
{
    /// <summary>A managed array's header and reference, paid once per row by vector and string values.</summary>
    private const long PerObject = 32;

    /// <summary>The table itself, plus the featurised copies one fold's training holds on top (<see cref="MemoryEstimate"/>).</summary>
    private const long CopiesWhileTraining = 1 + MemoryEstimate.CopiesHeld;

    public static long Of(ParquetRowGroupReader group, PlannedColumn column, DataField leaf)
    {
        var metadata = group.GetMetadata(leaf)?.MetaData;
        long values = metadata?.NumValues ?? group.RowCount;
        return column.Kind switch
        {
            FeatureKind.Numeric => sizeof(float) * group.RowCount,
            FeatureKind.Vector => sizeof(float) * values + PerObject * group.RowCount,
            // Parquet stores UTF-8; .NET strings are UTF-16.
            _ => 2 * (metadata?.TotalUncompressedSize ?? 0) + PerObject * group.RowCount,
        };
    }

    public static void EnsureFits(long rows, long featureBytes, long budgetBytes)
    {
        long needed = featureBytes * CopiesWhileTraining;
        if (rows > Array.MaxLength || needed > budgetBytes)
        {
            throw new DataTooLargeException(needed, budgetBytes);
        }
    }
}
