using SparkCleanlab.Local.MultiLabel;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Execution.MultiLabel;

namespace SparkCleanlab.Plan;

/// <summary>The embedded engine on multi-label data: <see cref="MultiLabelPlanDriver"/> over a <see cref="MultiLabelExecutor"/>.</summary>
public static class MultiLabelEngine
{
    /// <summary>Runs multi-label find-issues and publishes the output folder.</summary>
    /// <param name="request">The run.</param>
    /// <param name="progress">Where stage progress goes.</param>
    /// <param name="cancellationToken">Stops the run; nothing is published.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported.</param>
    /// <exception cref="InputDataException">The input is unusable or, with the fail policy, a row is invalid.</exception>
    /// <exception cref="UsageException">An option does not fit the data, or the output cannot be used.</exception>
    public static async Task<MultiLabelRunResult> RunAsync(FindIssuesRequest request, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default, TextWriter? log = null)
    {
        var planProgress = new PlanProgress(progress);
        await using var executor = new MultiLabelExecutor(request, planProgress, log);
        return await new MultiLabelPlanDriver(executor, planProgress).RunAsync(request, cancellationToken);
    }
}
