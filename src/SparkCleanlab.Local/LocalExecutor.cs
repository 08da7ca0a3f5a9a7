using SparkCleanlab.Core.Flagging;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Local.Execution;
using SparkCleanlab.Local.Output;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Local;

/// <summary>
/// The embedded engine's passes: each stage of <see cref="PlanDriver"/> over the input's row
/// groups on worker threads, streaming, with at most one batch per worker alive. Results equal
/// the in-memory Core for any thread count and partitioning.
/// </summary>
internal sealed class LocalExecutor : LocalRun, IPlanExecutor
{
    private readonly MemoryBudget _budget;
    private RowCache? _cache;
    private ScreenedPartition[] _screened = [];

    /// <summary>An executor for <paramref name="request"/>; <paramref name="probabilities"/>, when not null, replace the input's probability columns.</summary>
    /// <param name="request">The run.</param>
    /// <param name="probabilities">Probabilities held in memory, or null.</param>
    /// <param name="progress">Where row progress goes.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported, one line each.</param>
    public LocalExecutor(FindIssuesRequest request, ProvidedProbabilities? probabilities = null, PlanProgress? progress = null, TextWriter? log = null)
        : base(request, ReadOptionsOf(request) with { ProvidedProbabilities = probabilities }, progress, log)
    {
        _budget = new MemoryBudget(BudgetBytes(request));
    }

    // Up to this many classes the confident-joint and selection states are small (K x K counts, a few
    // windows), so each worker keeps its own and merges at the end: no grouping by label, no locks. Above,
    // a state per worker would grow with K x K per thread, so one state is shared, striped by label.
    private const int PerWorkerStateClasses = 32;

    // A selection state per worker only while its buckets (24 bytes each) stay near the cache's size.
    private const int PerWorkerBuckets = 1 << 17;

    // The issue merge holds at most this share of the budget in spill row groups.
    private const int MergeShare = 4;

    /// <inheritdoc/>
    protected override MemoryBudget Budget => _budget;

    /// <inheritdoc/>
    public async Task<ScreenResult> ScreenAsync(SettledInput input, CancellationToken cancellationToken)
    {
        var k = input.ClassCount;
        var screen = new BatchScreen(new RowValidator(k, input.SumTolerance));
        var totalRows = Input.RowCount;

        // Only when the whole input fits, as float32 at least: a cache that holds a slice of a large input saves
        // little and costs its budget in memory. What it does not use goes back to the batches after the pass.
        var cacheBytes = Math.Min((long)Request.Execution.RowCacheMegabytes << 20, _budget.Total / 2);
        var fits = totalRows * (sizeof(int) + (sizeof(float) * (long)k)) <= cacheBytes && _budget.TryHold(cacheBytes);
        _cache = new RowCache(Partitions.Length, fits ? cacheBytes : 0);
        var cache = _cache;
        try
        {
            _screened = await Runner.MapAsync(BatchContent.LabelsAndProbabilities, (p, b) => Screen(screen, cache, p, b), cancellationToken);
        }
        finally
        {
            _budget.Unhold(fits ? cacheBytes - cache.Bytes : 0);
        }

        var statistics = new ClassStatistics(k);
        foreach (var partition in _screened)
        {
            statistics.Merge(partition.Statistics);
        }

        var (valid, first) = Settle(_screened.Select(s => s.Invalid).ToArray());
        return new ScreenResult(statistics, totalRows, totalRows - valid, first, Partitions.Length, valid);
    }

    /// <inheritdoc/>
    public async Task<ConfidentJointCounter> CountConfidentJointAsync(ClassThresholds thresholds, bool countsConfidentMispredictions, CancellationToken cancellationToken)
    {
        if (thresholds.ClassCount <= PerWorkerStateClasses)
        {
            return await AggregateValidAsync(() => new ConfidentJointCounter(thresholds, countsConfidentMispredictions), (s, rows) => s.Add(rows), (a, b) => a.Merge(b), cancellationToken);
        }

        var joint = new ConfidentJointCounter(thresholds, countsConfidentMispredictions);
        var stripes = new LabelStripes(joint.ClassCount);
        await AddValidAsync(rows => stripes.Add(rows, joint.Add), cancellationToken);
        return joint;
    }

    /// <inheritdoc/>
    public async Task<SelectionHistogram> SelectAsync(SelectionRound round, CancellationToken cancellationToken)
    {
        // A state per worker would hold K x K windows per thread: only small K, and a round with a window over all
        // rows (the low-score methods: one window), get one, since their states are small.
        var shared = new SelectionHistogram(round);
        if (!shared.WindowsAreClassOwned || (round.ClassCount <= PerWorkerStateClasses && round.BucketTotal <= PerWorkerBuckets))
        {
            return await AggregateValidAsync(() => new SelectionHistogram(round), (s, rows) => s.Add(rows), (a, b) => a.Merge(b), cancellationToken);
        }

        var stripes = new LabelStripes(round.ClassCount);
        await AddValidAsync(rows => stripes.Add(rows, shared.Add), cancellationToken);
        return shared;
    }

    /// <inheritdoc/>
    public async Task<long> WriteOutputsAsync(FlagRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var runId = Guid.NewGuid().ToString("D");
        var folder = Folder;
        var flagger = new IssueFlagger(rule.Estimates, rule.Options, rule.Selection);
        var (mergeThreads, spillRows, issueGroupRows) = MergeShape();
        var output = new PartitionOutput(folder, flagger, rule.Method, rule.Annotated, runId)
        {
            SpillRowGroupRows = spillRows,
        };
        var keys = await IssueKeysAsync(output, cancellationToken);
        var ranks = new IssueRanks(keys, Runner.Workers);
        _budget.Unhold(_cache!.Bytes);
        _cache.Clear();

        // Issues are kept in memory, not spilled and read back, when all of them fit the merge's share of the budget.
        var keptBytes = ranks.Count * RowBytes();
        var keep = Request.Execution.KeepsIssuesInMemory && keptBytes <= _budget.Total / MergeShare && _budget.TryHold(keptBytes);
        var kept = keep ? new KeptIssues?[Partitions.Length] : null;
        output.Kept = kept;
        try
        {
            var fileRows = IssueMerger.FileRows(ranks.Count, Partitions.Length);
            await Runner.MapAsync(
                BatchContent.AllColumns,
                async (p, b) =>
                {
                    await output.WriteAsync(p, b, _screened[p.Index].Invalid, FirstValid[p.Index], ranks.Of(p.Index), fileRows, cancellationToken);
                    return true;
                },
                cancellationToken);
            var merger = new IssueMerger(new GatherLimits(issueGroupRows, fileRows), mergeThreads);
            if (kept is null)
            {
                await MergeSpillAsync(merger, runId, ranks, cancellationToken);
            }
            else
            {
                await merger.MergeAsync(kept, Schema, PartitionOutput.IssueColumns(Schema), folder.Subfolder(OutputLayout.Issues), runId, ranks, cancellationToken);
            }

            await output.WriteEmptyFoldersAsync(Schema, cancellationToken);
            return ranks.Count;
        }
        finally
        {
            foreach (var issues in kept ?? [])
            {
                issues?.Dispose();
            }

            _budget.Unhold(keep ? keptBytes : 0);
        }
    }

    /// <inheritdoc/>
    public async Task PublishInvalidOnlyAsync(CancellationToken cancellationToken)
    {
        var schema = Schema;
        var parts = new OutputParts(Folder, Guid.NewGuid().ToString("D"));
        await Runner.MapAsync(
            BatchContent.AllColumns,
            async (p, b) =>
            {
                await parts.WriteInvalidAsync(schema, p.Index, b, _screened[p.Index].Invalid, int.MaxValue, cancellationToken);
                return true;
            },
            cancellationToken);

        // The other folders read as empty tables with their columns.
        await parts.WriteEmptyFoldersAsync(schema, [(OutputLayout.Cleaned, []), (OutputLayout.Issues, [.. PartitionOutput.IssueColumns(schema), IssueMerger.RankColumn])], cancellationToken);
        Folder.Commit();
    }

    // Every valid row into state the caller shares between workers, from the cached rows where they are held.
    private Task AddValidAsync(Action<RowBatch> add, CancellationToken cancellationToken)
    {
        var k = Schema.ClassCount;
        var cache = _cache!;
        return Runner.ForEachAsync(
            (p, b) =>
            {
                using var rows = new ValidRows(b, _screened[p.Index].Invalid, FirstValid[p.Index]);
                add(rows.AsBatch());
            },
            p => cache.TryUse(p.Index, k, FirstValid[p.Index], rows => add(rows)),
            cancellationToken);
    }

    private async Task<TState> AggregateValidAsync<TState>(Func<TState> create, Action<TState, RowBatch> add, Action<TState, TState> merge, CancellationToken cancellationToken)
    {
        var k = Schema.ClassCount;
        var cache = _cache!;
        return await Runner.AggregateAsync(
            create,
            (state, p, b) =>
            {
                using var rows = new ValidRows(b, _screened[p.Index].Invalid, FirstValid[p.Index]);
                add(state, rows.AsBatch());
            },
            (state, p) => cache.TryUse(p.Index, k, FirstValid[p.Index], rows => add(state, rows)),
            merge,
            cancellationToken);
    }

    // The merge's share of the budget is split in two. Half holds the spill row groups, one per partition and
    // merging thread: the threads and the group size are chosen so all of them fit, with groups of at least
    // SpillCursor's minimum. The other half holds the issues/ row groups being gathered, one per file written at
    // once (at most IssueMerger's file count, whatever the threads, so the issues/ layout does not depend on them).
    private (int Threads, int SpillRowGroupRows, int IssueRowGroupRows) MergeShape()
    {
        var rowBytes = RowBytes();
        var share = _budget.Total / MergeShare / 2;
        var partitions = Math.Max(1, Partitions.Length);
        var threads = (int)Math.Clamp(share / (partitions * IssueMerger.MinSpillRowGroupRows * rowBytes), 1, Runner.Workers);
        var issueRows = (int)Math.Clamp(share / (IssueMerger.MaxFiles * rowBytes), IssueMerger.MinSpillRowGroupRows, new GatherLimits().RowGroupRows);
        return (threads, IssueMerger.SpillRowGroupRows(share / rowBytes, partitions, threads), issueRows);
    }


    // The decoded bytes of an average row: what a row costs held in memory.
    private long RowBytes() => Math.Max(1, Partitions.Sum(p => p.Source.DecodedBytes) / Math.Max(1, Partitions.Sum(p => p.Source.RowCount)));

    // Every partition's issue keys, worst first, from the cached rows where they are held.
    private async Task<IssueKey[][]> IssueKeysAsync(PartitionOutput output, CancellationToken cancellationToken)
    {
        var keys = new IssueKey[Partitions.Length][];
        var k = Schema.ClassCount;
        var cache = _cache!;
        await Runner.AggregateAsync(
            () => keys,
            (all, p, b) =>
            {
                using var rows = new ValidRows(b, _screened[p.Index].Invalid, FirstValid[p.Index]);
                all[p.Index] = output.Keys(rows.AsBatch());
            },
            (all, p) => cache.TryUse(p.Index, k, FirstValid[p.Index], rows => all[p.Index] = output.Keys(rows)),
            (_, _) => { },
            cancellationToken);
        return keys;
    }

    private static ScreenedPartition Screen(BatchScreen screen, RowCache cache, Partition partition, InputBatch batch)
    {
        var invalid = screen.Screen(batch, partition.Dataset.Schema);
        var statistics = new ClassStatistics(batch.ClassCount);
        using var rows = new ValidRows(batch, invalid, 0);
        statistics.Add(rows.AsBatch());
        cache.TryKeep(partition.Index, rows.AsBatch());
        return new ScreenedPartition(statistics, invalid);
    }
}
