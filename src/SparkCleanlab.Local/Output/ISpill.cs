namespace SparkCleanlab.Local.Output;

/// <summary>
/// One partition's issues, worst first, as the merge into <c>issues/</c> reads them: a spill file read a row
/// group at a time (<see cref="SpillFile"/>), or rows kept in memory when every partition's issues fit the
/// merge's share of the budget (<see cref="KeptIssues"/>).
/// </summary>
internal interface ISpill
{
    /// <summary>Issues held.</summary>
    int RowCount { get; }

    /// <summary>The group of rows holding issue <paramref name="row"/> (an index among this partition's issues).</summary>
    Task<SpillGroup> GroupAtAsync(int row, CancellationToken cancellationToken);

    /// <summary>Groups of this spill the merge holds at once.</summary>
    int BatchesInUse { get; }
}
