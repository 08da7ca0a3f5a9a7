using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Health;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// The plan of docs/design.md, written once for every engine: open the input and settle K,
/// screen the rows (validation and class statistics), count the confident joint, estimate on the
/// driver, run the exact selection rounds, flag and write, then publish the outputs with
/// <c>summary.json</c> and <c>report.html</c>. The executor runs each pass over the data; every
/// decision between passes is made here, so the engines cannot drift apart.
/// </summary>
internal sealed class PlanDriver(IPlanExecutor executor, PlanProgress? progress = null)
{
    private readonly PlanSteps _steps = new(progress);

    /// <summary>Runs <paramref name="request"/> and publishes its output.</summary>
    /// <exception cref="UsageException">An option does not fit the data, or the output cannot be used.</exception>
    /// <exception cref="InputDataException">The input is unusable.</exception>
    /// <exception cref="InvalidInputException">A row is invalid under the fail policy, or no valid row is left.</exception>
    public async Task<RunResult> RunAsync(FindIssuesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = await _steps.OpenAsync(executor, request, cancellationToken);
        OptionCheck.Run(() => request.Issues.Validate(input.ClassCount));

        var screened = await _steps.ScreenAsync(request, () => executor.ScreenAsync(input, cancellationToken));

        var valid = screened.Statistics.RowCount;
        if (valid == 0 && screened.InvalidRows > 0)
        {
            // Every row is invalid: invalid/ is still published so the rows can be inspected, then the run fails.
            await _steps.MeasureAsync(PlanStages.Publish, async () =>
            {
                await executor.PublishInvalidOnlyAsync(cancellationToken);
                return true;
            });
            throw new InputDataException(
                $"All {screened.InvalidRows:N0} rows are invalid, so there is nothing to estimate",
                $"See why in {Path.Combine(request.Output, OutputLayout.Invalid)}/ (column {OutputLayout.InvalidReason}), fix the input and run again.",
                file: screened.FirstInvalid?.File);
        }

        var thresholds = screened.Statistics.ToThresholds();
        var joint = await _steps.MeasureAsync(PlanStages.ConfidentJoint, () => executor.CountConfidentJointAsync(
            thresholds, LabelIssueOptions.CountsConfidentMispredictions(request.Issues.Method), cancellationToken));

        var estimates = NoiseEstimates.From(screened.Statistics, joint);
        var plan = SelectionPlan.Create(estimates, request.Issues, Math.Max(screened.PositionLimit, 1));
        while (plan.CurrentRound is { } round)
        {
            plan.Advance(await _steps.MeasureAsync(PlanStages.Select(round.Number), () => executor.SelectAsync(round, cancellationToken)));
        }

        var rule = new FlagRule(estimates, request.Issues, plan, input, request.Annotated);
        var issues = await _steps.MeasureAsync(PlanStages.FlagAndWrite, () => executor.WriteOutputsAsync(rule, cancellationToken));
        var facts = executor.Facts;
        var result = new RunResult
        {
            Engine = executor.Engine,
            OutputPath = request.Output,
            InputRows = screened.InputRows,
            InvalidRows = screened.InvalidRows,
            IssueRows = issues,
            ClassNames = input.DisplayNames(),
            Estimates = estimates,
            Health = DatasetHealth.From(estimates),
            SelectionRounds = plan.RoundsRun,
            Partitions = screened.Partitions ?? facts.Partitions,
            PeakLiveBatches = facts.PeakLiveBatches,
            Timings = _steps.Timings,
            Fingerprint = facts.Fingerprint,
            Training = request.Training,
        };
        var documents = new Dictionary<string, string>
        {
            [OutputLayout.Summary] = SummaryDocument.Serialize(SummaryDocument.Build(result, request, facts.Threads)),
            [OutputLayout.Report] = HtmlReport.Render(result, request, facts.Threads),
        };
        if (SummaryDocument.SerializeMatrices(result) is { } matrices)
        {
            documents[SummaryDocument.MatricesFile] = matrices;
        }

        await _steps.PublishAsync(executor, documents, cancellationToken);
        return result;
    }
}
