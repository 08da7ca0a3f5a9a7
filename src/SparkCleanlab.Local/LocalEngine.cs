using SparkCleanlab.Local;
using SparkCleanlab.Local.MultiLabel;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Plan;

/// <summary>The embedded engine: <see cref="PlanDriver"/> over a <see cref="LocalExecutor"/>.</summary>
public static class LocalEngine
{
    /// <summary>Runs find-issues and publishes the output folder.</summary>
    /// <param name="request">The run.</param>
    /// <param name="probabilities">Probabilities held in memory, when not null, in place of the input's probability columns.</param>
    /// <param name="progress">Where stage progress goes.</param>
    /// <param name="cancellationToken">Stops the run; nothing is published.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported.</param>
    /// <exception cref="InputDataException">The input is unusable or, with the fail policy, a row is invalid.</exception>
    /// <exception cref="UsageException">An option does not fit the data, or the output cannot be used.</exception>
    public static async Task<RunResult> RunAsync(FindIssuesRequest request, ProvidedProbabilities? probabilities = null, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default, TextWriter? log = null)
    {
        var planProgress = new PlanProgress(progress);
        await using var executor = new LocalExecutor(request, probabilities, planProgress, log);
        return await new PlanDriver(executor, planProgress).RunAsync(request, cancellationToken);
    }

    /// <summary>
    /// True when the output already published for <paramref name="request"/> came from the same
    /// input files and settings, so a scheduled rerun has nothing to do (<c>--if-changed</c>).
    /// </summary>
    public static async Task<bool> IsUnchangedAsync(FindIssuesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using IRunExecutor executor = request.Columns.MultiLabel ? new MultiLabelExecutor(request) : new LocalExecutor(request);
        return await RerunCheck.IsUnchangedAsync(executor, request, cancellationToken);
    }
}
