using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// Consecutive issues of one <see cref="ISpill"/>: its issues <see cref="FirstRow"/> .. <see cref="FirstRow"/> +
/// <c>Batch.Count</c> - 1, with the values of the columns the spill adds to the input's (none when they were
/// written into the spill file as columns). The group owns its batch: disposing it releases the batch.
/// </summary>
/// <param name="FirstRow">The index of the batch's first row among the partition's issues.</param>
/// <param name="Batch">The rows.</param>
/// <param name="Added">Values of the added columns, indexed by batch row.</param>
internal sealed record SpillGroup(int FirstRow, InputBatch Batch, IReadOnlyList<AddedValues> Added) : IDisposable
{
    /// <summary>Releases the batch.</summary>
    public void Dispose() => Batch.Dispose();

    /// <summary>The index of the group holding issue <paramref name="row"/>, among groups starting at <paramref name="firstRows"/> (ascending).</summary>
    public static int IndexOf(int[] firstRows, int row)
    {
        ArgumentNullException.ThrowIfNull(firstRows);
        var index = Array.BinarySearch(firstRows, row);
        return index >= 0 ? index : ~index - 1;
    }
}
