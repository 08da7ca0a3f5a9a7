using SparkCleanlab.Parquet.Reading;

namespace SparkCleanlab.Local.Output;

/// <summary>
/// A partition's issues in a spill file whose row groups never straddle two <c>issues/</c> files; a group is
/// read when the merge reaches it and released when it moves on, so memory holds one row group per cursor.
/// </summary>
internal sealed class SpillFile(InputDataset spill) : ISpill
{
    // Partitions of a spill file are its row groups; a group's first position is its first spill row.
    private readonly int[] _firstRows = spill.Partitions.Select(p => checked((int)p.FirstPosition)).ToArray();

    /// <inheritdoc/>
    public int RowCount => checked((int)spill.RowCount);

    /// <inheritdoc/>
    public async Task<SpillGroup> GroupAtAsync(int row, CancellationToken cancellationToken)
    {
        var group = SpillGroup.IndexOf(_firstRows, row);
        var batch = await spill.ReadAsync(spill.Partitions[group], cancellationToken);
        return new SpillGroup(_firstRows[group], batch, []);
    }

    /// <inheritdoc/>
    public int BatchesInUse => spill.BatchesInUse;
}
