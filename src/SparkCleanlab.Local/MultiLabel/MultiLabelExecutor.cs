using SparkCleanlab.Core.MultiLabel;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Local.Execution;
using SparkCleanlab.Local.Output;
using SparkCleanlab.Local.Validation;
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
internal sealed class MultiLabelExecutor : IMultiLabelPlanExecutor
{
    // The single-threaded issue merge holds about this many spilled rows at once.
    private const long MergeBudgetRows = 1 << 20;

    private readonly FindIssuesRequest _request;
    private readonly InputSchemaOptions _schemaOptions;
    private readonly PlanProgress _progress;
    private readonly int _threads;
    private readonly TextWriter? _log;
    private AtomicOutputFolder? _folder;
    private LocalInput? _input;
    private BatchRunner? _runner;
    private IReadOnlyList<InvalidRow>[] _invalid = [];
    private long[] _firstValid = [];

    /// <summary>An executor for <paramref name="request"/>.</summary>
    /// <param name="request">The run; its columns say where the given classes are.</param>
    /// <param name="progress">Where row progress goes.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported.</param>
    public MultiLabelExecutor(FindIssuesRequest request, PlanProgress? progress = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _schemaOptions = LocalExecutor.SchemaOptions(request) with { MultiLabel = true, LabelColumns = request.Columns.LabelColumns };
        _progress = progress ?? new PlanProgress(null);
        _threads = request.Execution.Threads ?? Environment.ProcessorCount;
        _log = log;
    }

    /// <inheritdoc/>
    public string Engine => "local";

    /// <inheritdoc/>
    public ExecutionFacts Facts => new(_threads, Partitions.Length, _runner?.PeakLiveBatches,
        _input?.Fingerprint);

    private LocalInput Input => _input ?? throw new InvalidOperationException("The input is not open.");

    private Partition[] Partitions => _input?.Partitions ?? [];

    private DatasetSchema Schema => Input.Schema;

    private BatchRunner Runner => _runner ?? throw new InvalidOperationException("The input is not open.");

    private AtomicOutputFolder Folder => _folder ?? throw new InvalidOperationException("The output is not prepared.");

    /// <inheritdoc/>
    public Task PrepareOutputAsync(CancellationToken cancellationToken)
    {
        _folder = AtomicOutputFolder.Create(_request.Output, _request.Overwrite, _request.Inputs, _log);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<InputFacts> OpenAsync(CancellationToken cancellationToken)
    {
        _input = await LocalInput.OpenAsync(_request.Inputs, _schemaOptions, cancellationToken);
        _runner = new BatchRunner(_input.Partitions, _threads) { PartitionDone = _progress.Advance };
        return _input.Facts;
    }

    /// <inheritdoc/>
    public async Task<MultiLabelScreenResult> ScreenAsync(SettledInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var k = input.ClassCount;
        var screened = await Runner.MapAsync((p, b) =>
        {
            var invalid = MultiLabelBatchScreen.Screen(b, p.Dataset.Schema);
            var statistics = new MultiLabelClassStatistics(k);
            statistics.Add(new ValidMultiLabelRows(b, invalid, 0).AsBatch());
            return (Statistics: statistics, Invalid: invalid);
        }, cancellationToken);

        var merged = new MultiLabelClassStatistics(k);
        _invalid = screened.Select(s => s.Invalid).ToArray();
        _firstValid = new long[Partitions.Length];
        long valid = 0;
        InvalidRowSample? first = null;
        for (var p = 0; p < Partitions.Length; p++)
        {
            merged.Merge(screened[p].Statistics);
            _firstValid[p] = valid;
            valid += Partitions[p].RowCount - _invalid[p].Count;
            if (first is null && _invalid[p].Count > 0)
            {
                var row = _invalid[p][0];
                first = new InvalidRowSample(Partitions[p].Source.File, row.Row, row.Column, row.Reason, Partitions[p].Source.RowGroup);
            }
        }

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
        var written = await Runner.MapAsync((p, b) => output.WriteAsync(p, b, _invalid[p.Index], _firstValid[p.Index], cancellationToken), cancellationToken);
        var ranks = new IssueRanks(written.Select(w => w.Keys).ToArray());
        var schema = Schema;
        var spillFolder = folder.Subfolder(OutputFolders.Spill);
        var spillOptions = _schemaOptions with { ClassNames = schema.ClassNames ?? _schemaOptions.ClassNames, ClassCount = schema.ClassCount };
        await new IssueMerger(new GatherLimits()).MergeAsync(spillFolder, folder.Subfolder(OutputLayout.Issues), spillOptions, runId, ranks, cancellationToken);
        Directory.Delete(spillFolder, recursive: true);
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

    /// <inheritdoc/>
    public Task PublishAsync(IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken) =>
        RunDocuments.WriteAndCommitAsync(Folder, documents, cancellationToken);

    /// <inheritdoc/>
    public Task<string?> ReadPublishedAsync(string name, CancellationToken cancellationToken) =>
        RunDocuments.ReadPublishedAsync(_request.Output, name, cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _folder?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<TState> AggregateValidAsync<TState>(Func<TState> create, Action<TState, ValidMultiLabelRows> add, Action<TState, TState> merge, CancellationToken cancellationToken) =>
        Runner.AggregateAsync(
            create,
            (state, p, b) => add(state, new ValidMultiLabelRows(b, _invalid[p.Index], _firstValid[p.Index])),
            (_, _) => false,
            merge,
            cancellationToken);
}
