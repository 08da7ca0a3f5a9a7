namespace SparkCleanlab.Plan;

/// <summary>How the local engine runs: threads, batch size and memory. The Spark engine takes these from Spark's configuration.</summary>
public sealed record ExecutionSettings
{
    /// <summary>Worker threads; null uses every core.</summary>
    public int? Threads { get; init; }

    /// <summary>Rows per batch for inputs without row groups (.npy).</summary>
    public int BatchRows { get; init; } = 1 << 16;

    /// <summary>
    /// Memory for keeping decoded labels and probabilities between passes, in MiB, used when the
    /// whole input fits in it; otherwise every pass reads the input again. 0 always re-reads.
    /// </summary>
    public int RowCacheMegabytes { get; init; } = 512;

    /// <summary>
    /// The local engine's working memory in MiB, shared by the row cache, the batches in flight and the issue
    /// merge; docs/local-engine.md gives the formula.
    /// </summary>
    public int MemoryMegabytes { get; init; } = 1024;

    /// <summary>
    /// Whether issues that fit a quarter of <see cref="MemoryMegabytes"/> are kept in memory for the ranked merge;
    /// false spills them to disk and reads them back, as a run whose issues outgrow the budget does.
    /// </summary>
    internal bool KeepsIssuesInMemory { get; init; } = true;
}
