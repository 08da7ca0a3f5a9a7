using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// What an engine does for <see cref="PlanDriver"/>: run one stage over every partition of the
/// input and return its merged, exact state, write the outputs, publish. The stage sequence, the
/// input and output contracts and every decision between stages belong to the driver; an
/// executor holds no orchestration of its own.
/// </summary>
internal interface IPlanExecutor : IAsyncDisposable
{
    /// <summary>The engine's name as <c>summary.json</c> records it.</summary>
    string Engine { get; }

    /// <summary>
    /// Reserves the output (exists without overwrite, overlaps the input, locked by another run
    /// are errors here, before any work) and opens a staging area that no reader sees.
    /// </summary>
    Task PrepareOutputAsync(CancellationToken cancellationToken);

    /// <summary>Reads the input's schema and the facts K is settled from (<see cref="InputContract"/>).</summary>
    Task<InputFacts> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Pass 1 over the settled input: validates every row (<see cref="Output.InvalidReasons"/>) and
    /// builds the class statistics of the valid rows.
    /// </summary>
    Task<ScreenResult> ScreenAsync(SettledInput input, CancellationToken cancellationToken);

    /// <summary>Pass 2: the confident joint of the valid rows.</summary>
    Task<ConfidentJointCounter> CountConfidentJointAsync(ClassThresholds thresholds, bool countsConfidentMispredictions, CancellationToken cancellationToken);

    /// <summary>One selection round: the merged histogram of every window of <paramref name="round"/>.</summary>
    Task<SelectionHistogram> SelectAsync(SelectionRound round, CancellationToken cancellationToken);

    /// <summary>
    /// Flags every valid row with <paramref name="rule"/> and writes every output folder
    /// (<see cref="OutputLayout"/>): <c>cleaned/</c>, <c>issues/</c> ranked worst first with
    /// <c>issue_rank</c>, <c>invalid/</c>, and <c>annotated/</c> when asked. Returns the issue rows.
    /// </summary>
    Task<long> WriteOutputsAsync(FlagRule rule, CancellationToken cancellationToken);

    /// <summary>Publishes an output holding only <c>invalid/</c> (and empty other folders), for a run in which no row is valid.</summary>
    Task PublishInvalidOnlyAsync(CancellationToken cancellationToken);

    /// <summary>Writes the run's documents beside the outputs and publishes the whole output atomically.</summary>
    Task PublishAsync(IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken);

    /// <summary>A document of the output already published at the output path (such as <c>summary.json</c>), or null.</summary>
    Task<string?> ReadPublishedAsync(string name, CancellationToken cancellationToken);

    /// <summary>What the engine can tell about how it ran (partitions, peak batches, threads), after the run.</summary>
    ExecutionFacts Facts { get; }
}
