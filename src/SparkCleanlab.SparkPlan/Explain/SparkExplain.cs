using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// <c>find-issues --engine spark --explain</c>: runs the Spark engine's plan
/// (<see cref="PlanDriver"/> over <see cref="SparkExecutor"/>) on a <see cref="PlaceholderSession"/>
/// and records what it sends, so the SQL is the SQL a run would send, but for the literals that
/// carry stage results. No Spark, no JVM, no rows read.
/// </summary>
internal static class SparkExplain
{
    /// <summary>The recorded plan of <paramref name="request"/>.</summary>
    /// <exception cref="UsageException">The options do not fit the input, or a remote input lacks <c>--num-classes</c>.</exception>
    /// <exception cref="InputDataException">The input's schema is unusable, as a run would find it.</exception>
    public static async Task<ExplainedPlan> RunAsync(FindIssuesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Columns.MultiLabel)
        {
            // The placeholder results answer the single-label plan's collects only.
            throw new UsageException("--explain shows the single-label plan; it does not cover --multi-label runs.");
        }

        var spark = request with { Engine = EngineKind.Spark };
        var input = await ExplainInput.OpenAsync(spark, cancellationToken);

        // K settles before the first pass, so the placeholder results can have one row per class.
        var facts = SparkInput.Open(new PlaceholderSession(input, 0), spark).Facts;
        var classCount = InputContract.Settle(facts, spark).ClassCount;
        var recording = new RecordingSession(new PlaceholderSession(input, classCount));
        await using (var executor = new SparkExecutor(recording, spark))
        {
            await new PlanDriver(executor, new PlanProgress(recording)).RunAsync(spark, cancellationToken);
        }

        return new ExplainedPlan(recording.Stages, input.Source, classCount);
    }
}
