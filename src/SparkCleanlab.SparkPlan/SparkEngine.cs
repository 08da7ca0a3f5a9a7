using SparkCleanlab.Plan.Execution;
using SparkCleanlab.SparkPlan;

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

    /// <summary>
    /// True when the output already published for <paramref name="request"/> came from the same
    /// input files and settings, so a scheduled rerun has nothing to do (<c>--if-changed</c>).
    /// </summary>
    /// <param name="session">The Spark session the input files are listed through.</param>
    /// <param name="request">The run.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public static async Task<bool> IsUnchangedAsync(ISparkSessionApi session, FindIssuesRequest request, CancellationToken cancellationToken = default)
    {
        await using var executor = new SparkExecutor(session, request);
        return await new PlanDriver(executor).IsUnchangedAsync(request, cancellationToken);
    }
}
