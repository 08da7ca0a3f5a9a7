using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Local.Execution;
using SparkCleanlab.Local.Output;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Execution.MultiLabel;

namespace SparkCleanlab.Local.MultiLabel;

/// <summary>
/// The embedded engine's multi-label passes: each stage of <see cref="MultiLabelPlanDriver"/>
/// over the input's row groups on worker threads, streaming, one batch per worker alive, with the
/// same partitions and threads as <see cref="LocalExecutor"/>. Results equal the in-memory Core
/// for any thread count and partitioning.
/// </summary>
internal sealed class MultiLabelExecutor : LocalRun, IMultiLabelPlanExecutor
{
    // The single-threaded issue merge holds about this many spilled rows at once.
    private const long MergeBudgetRows = 1 << 20;

    private IReadOnlyList<InvalidRow>[] _invalid = [];

    /// <summary>An executor for <paramref name="request"/>.</summary>
    /// <param name="request">The run; its columns say where the given classes are.</param>
    /// <param name="progress">Where row progress goes.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported.</param>
    public MultiLabelExecutor(FindIssuesRequest request, PlanProgress? progress = null, TextWriter? log = null)
        : base(request, ReadOptionsOf(request) with { MultiLabel = true, LabelColumns = request.Columns.LabelColumns }, progress, log)
    {
    }

    /// <inheritdoc/>
    public async Task<MultiLabelScreenResult> ScreenAsync(SettledInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var k = input.ClassCount;
        var screened = await Runner.MapAsync(BatchContent.LabelsAndProbabilities, (p, b) =>
        {
            var invalid = MultiLabelBatchScreen.Screen(b, p.Dataset.Schema);
            var statistics = new MultiLabelClassStatistics(k);
            statistics.Add(new ValidMultiLabelRows(b, invalid, 0).AsBatch());
            return (Statistics: statistics, Invalid: invalid);
        }, cancellationToken);

        var merged = new MultiLabelClassStatistics(k);
        foreach (var partition in screened)
        {
            merged.Merge(partition.Statistics);
        }

        _invalid = screened.Select(s => s.Invalid).ToArray();
        var (valid, first) = Settle(_invalid);
        var total = Input.RowCount;
        return new MultiLabelScreenResult(merged, total, total - valid, first, Partitions.Length);
    }

    /// <inheritdoc/>
    public Task<MultiLabelJointCounter> CountConfidentJointAsync(ClassThresholds[] thresholds, CancellationToken cancellationToken) =>
        AggregateValidAsync(() => new MultiLabelJointCounter(thresholds), (s, rows) => s.Add(rows.AsBatch()), (a, b) => a.Merge(b), cancellationToken);

    /// <inheritdoc/>
    public Task<MultiLabelSelectionHistogram> SelectAsync(MultiLabelSelectionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return AggregateValidAsync(plan.CreateState, (s, rows) => s.Add(rows.AsBatch()), (a, b) => a.Merge(b), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<MultiLabelIssueCounts> WriteOutputsAsync(MultiLabelFlagRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var runId = Guid.NewGuid().ToString("D");
        var folder = Folder;
        var output = new MultiLabelPartitionOutput(folder, rule, runId) { SpillRowGroupRows = IssueMerger.SpillRowGroupRows(MergeBudgetRows, Partitions.Length, threads: 1) };
        var written = await Runner.MapAsync(BatchContent.AllColumns, (p, b) => output.WriteAsync(p, b, _invalid[p.Index], FirstValid[p.Index], cancellationToken), cancellationToken);
        var ranks = new IssueRanks(written.Select(w => w.Keys).ToArray());
        var schema = Schema;
        await MergeSpillAsync(new IssueMerger(new GatherLimits()), runId, ranks, cancellationToken);
        await output.WriteEmptyFoldersAsync(schema, cancellationToken);

        var k = schema.ClassCount;
        var flaggedGiven = new long[k];
        var flaggedNotGiven = new long[k];
        foreach (var w in written)
        {
            for (var c = 0; c < k; c++)
            {
                flaggedGiven[c] += w.FlaggedGiven[c];
                flaggedNotGiven[c] += w.FlaggedNotGiven[c];
            }
        }

        return new MultiLabelIssueCounts(ranks.Count, flaggedGiven, flaggedNotGiven);
    }

    private Task<TState> AggregateValidAsync<TState>(Func<TState> create, Action<TState, ValidMultiLabelRows> add, Action<TState, TState> merge, CancellationToken cancellationToken) =>
        Runner.AggregateAsync(
            create,
            (state, p, b) => add(state, new ValidMultiLabelRows(b, _invalid[p.Index], FirstValid[p.Index])),
            (_, _) => false,
            merge,
            cancellationToken);
}
