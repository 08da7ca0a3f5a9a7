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
internal interface IPlanExecutor : IRunExecutor
{
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
}
