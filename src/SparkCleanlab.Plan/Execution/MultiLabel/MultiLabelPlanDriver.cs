using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Plan.Reporting;
using SparkCleanlab.Plan.Reporting.MultiLabel;

namespace SparkCleanlab.Plan.Execution.MultiLabel;

/// <summary>
/// The multi-label plan, written once for every engine, in the shape of <see cref="PlanDriver"/>:
/// open and settle K, screen (validation and each class's one-vs-rest statistics), count the
/// K x 2 x 2 confident joint, estimate on the driver, run the exact selection passes, flag and
/// write, then publish with <c>summary.json</c> and <c>report.html</c>.
/// </summary>
internal sealed class MultiLabelPlanDriver(IMultiLabelPlanExecutor executor, PlanProgress? progress = null)
{
    private readonly PlanSteps _steps = new(progress);

    /// <summary>Runs <paramref name="request"/> and publishes its output.</summary>
    /// <exception cref="UsageException">An option does not fit the data, or the output cannot be used.</exception>
    /// <exception cref="InputDataException">The input is unusable, or a row is invalid under the fail policy.</exception>
    /// <exception cref="Core.Validation.InvalidInputException">No valid row is left, no row has a given class, or a class is given in every row.</exception>
    public async Task<MultiLabelRunResult> RunAsync(FindIssuesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Annotated)
        {
            throw new UsageException("--annotated is not available with --multi-label: issues/ and cleaned/ together hold every valid row.");
        }

        var input = await _steps.OpenAsync(executor, request, cancellationToken);
        var options = MultiLabelRequest.Options(request, input.ClassCount);

        var screened = await _steps.ScreenAsync(request, () => executor.ScreenAsync(input, cancellationToken));

        var statistics = screened.Statistics;
        if (statistics[0].RowCount == 0)
        {
            throw new Core.Validation.InvalidInputException("No valid row is left: there is nothing to estimate.", -1, -1);
        }

        statistics.ThrowIfUnestimable();
        var thresholds = statistics.ToThresholds();
        var joint = await _steps.MeasureAsync(PlanStages.ConfidentJoint, () => executor.CountConfidentJointAsync(thresholds, cancellationToken));
        var estimates = MultiLabelEstimates.From(statistics, joint);
        var plan = MultiLabelSelectionPlan.Create(estimates, options, screened.PositionLimit ?? estimates.RowCount);
        while (!plan.IsResolved)
        {
            plan.Advance(await _steps.MeasureAsync(PlanStages.Select(plan.RoundsRun + 1), () => executor.SelectAsync(plan, cancellationToken)));
        }

        var rule = new MultiLabelFlagRule(estimates, options, plan, input, request.Issues.Method.ReferenceName());
        var counts = await _steps.MeasureAsync(PlanStages.FlagAndWrite, () => executor.WriteOutputsAsync(rule, cancellationToken));
        var facts = executor.Facts;
        var result = new MultiLabelRunResult
        {
            Engine = executor.Engine,
            OutputPath = request.Output,
            InputRows = screened.InputRows,
            InvalidRows = screened.InvalidRows,
            IssueRows = counts.IssueRows,
            ClassNames = input.DisplayNames(),
            Estimates = estimates,
            Counts = counts,
            Health = MultiLabelDatasetHealth.From(counts.FlaggedGiven, counts.FlaggedNotGiven, counts.IssueRows, estimates.RowCount),
            SelectionRounds = plan.RoundsRun,
            Partitions = screened.Partitions ?? facts.Partitions,
            Threads = facts.Threads,
            PeakLiveBatches = facts.PeakLiveBatches,
            Fingerprint = facts.Fingerprint,
            Timings = _steps.Timings,
        };
        var documents = new Dictionary<string, string>
        {
            [OutputLayout.Summary] = SummaryDocument.Serialize(MultiLabelSummaryDocument.Build(result, request)),
            [OutputLayout.Report] = MultiLabelHtmlReport.Render(result, request),
        };
        await _steps.PublishAsync(executor, documents, cancellationToken);
        return result;
    }
}
