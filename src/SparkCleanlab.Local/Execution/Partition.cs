using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Local.Execution;

/// <summary>One unit of work of the embedded engine: a row group (or .npy slice) of one of the inputs.</summary>
/// <param name="Index">Position in the engine's deterministic partition order, over all inputs.</param>
/// <param name="Dataset">The input the rows come from.</param>
/// <param name="Source">The row group inside that input.</param>
internal sealed record Partition(int Index, InputDataset Dataset, InputPartition Source)
{
    /// <summary>Rows in the partition, from metadata.</summary>
    public int RowCount => (int)Source.RowCount;
}
