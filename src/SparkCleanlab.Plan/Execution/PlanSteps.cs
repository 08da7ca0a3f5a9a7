namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// The steps every plan takes the same way, single- or multi-label: each stage timed and reported,
/// the output reserved and the input opened and settled, the fail policy applied to the first
/// invalid row, the documents published.
/// </summary>
internal sealed class PlanSteps(PlanProgress? progress)
{
    private readonly PlanProgress _progress = progress ?? new PlanProgress(null);

    /// <summary>Wall time per stage so far.</summary>
    public StageTimings Timings { get; } = new();

    /// <summary>Runs one stage, reporting its start and timing it.</summary>
    public async Task<T> MeasureAsync<T>(string stage, Func<Task<T>> run)
    {
        _progress.Begin(stage);
        return await Timings.MeasureAsync(stage, run);
    }

    /// <summary>Reserves the output, opens the input and settles K and the class names (<see cref="InputContract"/>).</summary>
    public Task<SettledInput> OpenAsync(IRunExecutor executor, FindIssuesRequest request, CancellationToken cancellationToken) =>
        MeasureAsync(PlanStages.Open, async () =>
        {
            await executor.PrepareOutputAsync(cancellationToken);
            var facts = await executor.OpenAsync(cancellationToken);
            _progress.TotalRows = facts.RowCount ?? 0;
            return InputContract.Settle(facts, request);
        });

    /// <summary>Runs the validating pass; under the fail policy, its first invalid row ends the run.</summary>
    /// <exception cref="InputDataException">A row is invalid and the policy is to fail.</exception>
    public async Task<T> ScreenAsync<T>(FindIssuesRequest request, Func<Task<T>> screen)
        where T : IScreened
    {
        var screened = await MeasureAsync(PlanStages.Validate, screen);
        _progress.TotalRows = screened.InputRows;
        if (screened.FirstInvalid is { } first && request.InvalidRows == InvalidRowPolicy.Fail)
        {
            throw new InputDataException(
                $"Invalid row: {first.Reason}",
                "Fix the input, or pass --invalid-rows quarantine to write invalid rows to invalid/ and go on without them.",
                file: first.File, rowGroup: first.RowGroup, row: first.Row, column: first.Column);
        }

        return screened;
    }

    /// <summary>Publishes the output with the run's documents, as the last stage.</summary>
    public Task PublishAsync(IRunExecutor executor, IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken) =>
        MeasureAsync(PlanStages.Publish, async () =>
        {
            await executor.PublishAsync(documents, cancellationToken);
            return true;
        });
}
