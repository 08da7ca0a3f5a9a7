using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Execution.MultiLabel;
using SparkCleanlab.SparkPlan;
using SparkCleanlab.SparkPlan.Explain;
using SparkCleanlab.SparkPlan.MultiLabel;

namespace SparkCleanlab.Plan;

/// <summary>
/// The Spark engine: the plan the embedded engine runs, each pass Spark SQL over the
/// session the driver program implements (<see cref="ISparkSessionApi"/>).
/// </summary>
public static class SparkEngine
{
    /// <summary>Runs find-issues on <paramref name="session"/> and publishes the output folder.</summary>
    /// <param name="session">The Spark session the passes run on.</param>
    /// <param name="request">The run.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported.</param>
    /// <param name="cancellationToken">Stops the run between stages; nothing is published.</param>
    /// <exception cref="InputDataException">The input is unusable or, with the fail policy, a row is invalid.</exception>
    /// <exception cref="UsageException">An option does not fit the data or the engine, or the output cannot be used.</exception>
    public static async Task<RunResult> RunAsync(ISparkSessionApi session, FindIssuesRequest request, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        await using var executor = new SparkExecutor(session, request, log);
        return await new PlanDriver(executor).RunAsync(request, cancellationToken);
    }

    /// <summary>Runs multi-label find-issues on <paramref name="session"/> and publishes the output folder.</summary>
    /// <param name="session">The Spark session the passes run on.</param>
    /// <param name="request">The run; its columns say where the given classes are.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported.</param>
    /// <param name="cancellationToken">Stops the run between stages; nothing is published.</param>
    /// <exception cref="InputDataException">The input is unusable or, with the fail policy, a row is invalid.</exception>
    /// <exception cref="UsageException">An option does not fit the data or the engine, or the output cannot be used.</exception>
    public static async Task<MultiLabelRunResult> RunMultiLabelAsync(ISparkSessionApi session, FindIssuesRequest request, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        await using var executor = new MultiLabelSparkExecutor(session, request, log);
        return await new MultiLabelPlanDriver(executor).RunAsync(request, cancellationToken);
    }

    /// <summary>
    /// The plan a run of <paramref name="request"/> would send, stage by stage, with the size of
    /// every expression (<c>--explain</c>): recorded without Spark or a JVM, with placeholders for
    /// the literals that carry stage results.
    /// </summary>
    /// <param name="request">The run; a remote input needs <see cref="InputColumns.ClassCount"/>.</param>
    /// <param name="cancellationToken">Stops the explain.</param>
    /// <exception cref="UsageException">The options do not fit the input, or a remote input lacks <c>--num-classes</c>.</exception>
    /// <exception cref="InputDataException">The input's schema is unusable, as a run would find it.</exception>
    public static async Task<string> ExplainAsync(FindIssuesRequest request, CancellationToken cancellationToken = default) =>
        (await SparkExplain.RunAsync(request, cancellationToken)).Render();

    /// <summary>
    /// True when the output already published for <paramref name="request"/> came from the same
    /// input files and settings, so a scheduled rerun has nothing to do (<c>--if-changed</c>).
    /// </summary>
    /// <param name="session">The Spark session the input files are listed through.</param>
    /// <param name="request">The run.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static async Task<bool> IsUnchangedAsync(ISparkSessionApi session, FindIssuesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using IRunExecutor executor = request.Columns.MultiLabel ? new MultiLabelSparkExecutor(session, request) : new SparkExecutor(session, request);
        return await RerunCheck.IsUnchangedAsync(executor, request, cancellationToken);
    }
}
