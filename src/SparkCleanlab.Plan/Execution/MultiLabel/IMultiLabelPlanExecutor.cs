using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Plan.Execution.MultiLabel;

/// <summary>
/// What an engine does for <see cref="MultiLabelPlanDriver"/>: the passes of the multi-label plan
/// over every partition of the input, each returning its merged, exact state, then the outputs
/// and the publish. As with <see cref="IPlanExecutor"/>, every decision between passes belongs
/// to the driver.
/// </summary>
internal interface IMultiLabelPlanExecutor : IRunExecutor
{
    /// <summary>Pass 1: validates every row and builds each class's one-vs-rest statistics over the valid rows.</summary>
    Task<MultiLabelScreenResult> ScreenAsync(SettledInput input, CancellationToken cancellationToken);

    /// <summary>Pass 2: the K x 2 x 2 confident joint of the valid rows.</summary>
    Task<MultiLabelJointCounter> CountConfidentJointAsync(ClassThresholds[] thresholds, CancellationToken cancellationToken);

    /// <summary>One selection pass: the merged state of every plan that still has a round.</summary>
    Task<MultiLabelSelectionHistogram> SelectAsync(MultiLabelSelectionPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Flags every valid row with <paramref name="rule"/> and writes <c>cleaned/</c>, <c>issues/</c>
    /// (worst first with <c>issue_rank</c>) and <c>invalid/</c>. Returns what the health tables need.
    /// </summary>
    Task<MultiLabelIssueCounts> WriteOutputsAsync(MultiLabelFlagRule rule, CancellationToken cancellationToken);
}
