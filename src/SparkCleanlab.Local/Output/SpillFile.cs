using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// A partition's issues in a spill file whose row groups never straddle two <c>issues/</c> files; a group is
/// read when the merge reaches it and released when it moves on, so memory holds one row group per cursor.
/// </summary>
internal sealed class SpillFile(InputDataset spill) : ISpill
{
    /// <inheritdoc/>
    public int RowCount => checked((int)spill.RowCount);

    /// <inheritdoc/>
    public async Task<SpillGroup> GroupAtAsync(int row, CancellationToken cancellationToken)
    {
        // Partitions of a spill file are its row groups; a group's first position is its first spill row.
        var partitions = spill.Partitions;
        var group = 0;
        while (group + 1 < partitions.Count && partitions[group + 1].FirstPosition <= row)
        {
            group++;
        }

        var batch = await spill.ReadAsync(partitions[group], cancellationToken);
        return new SpillGroup((int)partitions[group].FirstPosition, batch, []);
    }

    /// <inheritdoc/>
    public int BatchesInUse => spill.BatchesInUse;
}
