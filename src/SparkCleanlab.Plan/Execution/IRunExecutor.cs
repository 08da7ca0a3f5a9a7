namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// What every engine's executor does around the passes, single- or multi-label: reserve and
/// publish the output, open the input, read what an earlier run published.
/// </summary>
internal interface IRunExecutor : IAsyncDisposable
{
    /// <summary>The engine's name as <c>summary.json</c> records it.</summary>
    string Engine { get; }

    /// <summary>What the engine can tell about how it ran (partitions, peak batches, threads, the input's fingerprint).</summary>
    ExecutionFacts Facts { get; }

    /// <summary>
    /// Reserves the output (exists without overwrite, overlaps the input, locked by another run
    /// are errors here, before any work) and opens a staging area that no reader sees.
    /// </summary>
    Task PrepareOutputAsync(CancellationToken cancellationToken);

    /// <summary>Reads the input's schema and the facts K is settled from (<see cref="InputContract"/>).</summary>
    Task<InputFacts> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Writes the run's documents beside the outputs and publishes the whole output atomically.</summary>
    Task PublishAsync(IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken);

    /// <summary>A document of the output already published at the output path (such as <c>summary.json</c>), or null.</summary>
    Task<string?> ReadPublishedAsync(string name, CancellationToken cancellationToken);
}
