using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Flagging;
using SparkCleanlab.Core.Health;
using SparkCleanlab.Core.Joint;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Local.Execution;
using SparkCleanlab.Local.Output;
using SparkCleanlab.Reporting;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Options;
using SparkCleanlab.Options.Parsing;
using SparkCleanlab.Parquet;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Local;

/// <summary>
/// The embedded engine: the four stages of DESIGN.md over the input's partitions on worker
/// threads, streaming. Pass 1 validates and builds the class statistics, pass 2 the confident
/// joint, the next passes run the selection rounds, the last flags and writes; then the spilled
/// issues are ranked. Results equal the in-memory reference for any threads and partitioning.
/// </summary>
public static class LocalEngine
{
    /// <summary>Runs find-issues and commits the output folder.</summary>
    /// <exception cref="InputDataException">The input is unusable or, with the fail policy, a row is invalid.</exception>
    /// <exception cref="InvalidInputException">No valid rows, or too few classes.</exception>
    /// <exception cref="OutputFolderException">The output exists without overwrite or overlaps an input.</exception>
    public static Task<RunResult> RunAsync(FindIssuesOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(options, null, progress, cancellationToken);

    /// <summary>Runs find-issues on <paramref name="probabilities"/> held in memory, when not null, instead of the input's probability columns.</summary>
    /// <exception cref="InputDataException">The input is unusable or, with the fail policy, a row is invalid.</exception>
    /// <exception cref="InvalidInputException">No valid rows, or too few classes.</exception>
    /// <exception cref="OutputFolderException">The output exists without overwrite or overlaps an input.</exception>
    public static async Task<RunResult> RunAsync(FindIssuesOptions options, ProvidedProbabilities? probabilities, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timings = new StageTimings();
        var schemaOptions = SchemaOptions(options) with { ProvidedProbabilities = probabilities };
        var datasets = await timings.MeasureAsync("open", () => OpenAsync(options.Inputs, schemaOptions, cancellationToken));
        var schema = datasets[0].Schema;
        var k = schema.ClassCount;
        options.Issues.Validate(k);
        var partitions = datasets.SelectMany(d => d.Partitions.Select(p => (d, p))).Select((x, i) => new Partition(i, x.d, x.p)).ToArray();
        var totalRows = datasets.Sum(d => d.RowCount);
        var threads = options.Threads ?? Environment.ProcessorCount;
        using var folder = AtomicOutputFolder.Create(options.Output, options.Overwrite, options.Inputs, Console.Error);

        var stage = "validate";
        long done = 0;
        var runner = new PartitionRunner(partitions, threads)
        {
            PartitionDone = rows => progress?.Report(new StageProgress(stage, Interlocked.Add(ref done, rows), totalRows)),
        };
        void Begin(string name)
        {
            stage = name;
            done = 0;
            progress?.Report(new StageProgress(name, 0, totalRows));
        }

        Begin("validate");
        var screen = new BatchScreen(new RowValidator(k, options.SumTolerance));
        // All or nothing: a cache that holds a slice of a large input saves little and costs its budget in memory.
        var cacheBudget = (long)options.RowCacheMegabytes << 20;
        var cache = new RowCache(partitions.Length, totalRows * (sizeof(int) + (sizeof(double) * (long)k)) <= cacheBudget ? cacheBudget : 0);
        var screened = await timings.MeasureAsync(stage, () => runner.MapAsync((p, b) => Screen(screen, cache, p, b), cancellationToken));
        if (options.InvalidRows == InvalidRowPolicy.Fail && screened.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Invalid.Count > 0) is { s: not null } first)
        {
            throw RowError(partitions[first.i], first.s.Invalid[0]);
        }

        var statistics = new ClassStatistics(k);
        var firstValid = new long[partitions.Length];
        long valid = 0;
        for (var p = 0; p < partitions.Length; p++)
        {
            statistics.Merge(screened[p].Statistics);
            firstValid[p] = valid;
            valid += partitions[p].RowCount - screened[p].Invalid.Count;
        }

        var thresholds = statistics.ToThresholds();
        Begin("confident-joint");
        var joint = await timings.MeasureAsync(stage, () => runner.AggregateAsync(
            () => new ConfidentJointCounter(thresholds, LabelIssueOptions.CountsConfidentMispredictions(options.Issues.Method)),
            (state, p, b) => OnValidRows(b, screened[p.Index].Invalid, firstValid[p.Index], state.Add),
            (state, p) => cache.TryUse(p.Index, k, firstValid[p.Index], state.Add),
            (a, b) => a.Merge(b),
            cancellationToken));

        var estimates = NoiseEstimates.From(statistics, joint);
        var plan = SelectionPlan.Create(estimates, options.Issues, Math.Max(valid, 1));
        while (plan.CurrentRound is { } round)
        {
            Begin($"select-{round.Number}");
            var merged = await timings.MeasureAsync(stage, () => runner.AggregateAsync(
                () => new SelectionHistogram(round),
                (state, p, b) => OnValidRows(b, screened[p.Index].Invalid, firstValid[p.Index], state.Add),
                (state, p) => cache.TryUse(p.Index, k, firstValid[p.Index], state.Add),
                (a, b) => a.Merge(b),
                cancellationToken));
            plan.Advance(merged);
        }

        cache.Clear();
        var runId = Guid.NewGuid().ToString("D");
        var output = new PartitionOutput(folder, new IssueFlagger(estimates, options.Issues, plan), OptionValues.SnakeCase(options.Issues.Method.ToString()), options.Annotated, runId)
        {
            SpillRowGroupRows = IssueMerger.SpillRowGroupRows(partitions.Length),
        };
        Begin("flag-and-write");
        var keys = await timings.MeasureAsync(stage, () => runner.MapAsync((p, b) => output.WriteAsync(p, b, screened[p.Index].Invalid, firstValid[p.Index], cancellationToken), cancellationToken));
        var ranks = new IssueRanks(keys);
        var rankStage = "rank-issues";
        await timings.MeasureAsync(rankStage, () => RankIssuesAsync(folder, schema, schemaOptions, runId, ranks, cancellationToken));
        await output.WriteEmptyFoldersAsync(schema, cancellationToken);

        var result = new RunResult
        {
            Engine = "local",
            OutputPath = folder.FinalPath,
            InputRows = totalRows,
            InvalidRows = totalRows - valid,
            IssueRows = ranks.Count,
            ClassNames = Enumerable.Range(0, k).Select(schema.ClassName).ToArray(),
            Estimates = estimates,
            Health = DatasetHealth.From(estimates),
            SelectionRounds = plan.RoundsRun,
            Partitions = partitions.Length,
            PeakLiveBatches = runner.PeakLiveBatches,
            Timings = timings,
            Fingerprint = InputFingerprint.Of(partitions.Select(p => p.Source.File), totalRows),
        };
        await File.WriteAllTextAsync(Path.Combine(folder.WorkingPath, OutputFolders.Summary), SummaryDocument.Serialize(SummaryDocument.Build(result, options, threads)), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder.WorkingPath, OutputFolders.Report), HtmlReport.Render(result), cancellationToken);
        folder.Commit();
        return result;
    }

    /// <summary>The reader's options from the command line's column options.</summary>
    public static InputSchemaOptions SchemaOptions(FindIssuesOptions options)
    {
        var columns = options.Columns;
        return new InputSchemaOptions
        {
            LabelColumn = columns.Label,
            ProbabilityColumn = columns.ProbabilitiesColumn,
            ProbabilityPrefix = columns.ProbabilityPrefix,
            ProbabilityColumns = columns.ProbabilityColumns,
            IdColumn = columns.Id,
            ClassNames = columns.Classes,
            ClassCount = columns.ClassCount,
            NpyBatchRows = options.BatchRows,
        };
    }

    private static async Task<InputDataset[]> OpenAsync(IReadOnlyList<string> inputs, InputSchemaOptions options, CancellationToken cancellationToken)
    {
        var datasets = new InputDataset[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            datasets[i] = await InputDataset.OpenAsync(inputs[i], options, cancellationToken);
            var (first, next) = (datasets[0].Schema, datasets[i].Schema);
            if (next.ClassCount != first.ClassCount || next.LabelKind != first.LabelKind || !next.PassThroughColumns.SequenceEqual(first.PassThroughColumns))
            {
                throw new InputDataException(
                    $"Input '{inputs[i]}' has {next.ClassCount} classes and columns [{string.Join(", ", next.PassThroughColumns)}], but '{inputs[0]}' has {first.ClassCount} and [{string.Join(", ", first.PassThroughColumns)}]",
                    "All inputs of one run must share one schema.", file: inputs[i]);
            }
        }

        return datasets;
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

    private static void OnValidRows(InputBatch batch, IReadOnlyList<InvalidRow> invalid, long firstValid, RowsAction action)
    {
        using var rows = new ValidRows(batch, invalid, firstValid);
        action(rows.AsBatch());
    }

    private static InputDataException RowError(Partition partition, InvalidRow row) =>
        new(
            $"Invalid row: {row.Reason}",
            "Fix the input, or pass --invalid-rows quarantine to write invalid rows to invalid/ and go on without them.",
            file: partition.Source.File,
            rowGroup: partition.Source.RowGroup,
            row: row.Row,
            column: row.Column);

    // The spill files hold each partition's issues worst first; merging them writes issues/ worst first
    // across files, holding one row group per spill file.
    private static async Task<long> RankIssuesAsync(AtomicOutputFolder folder, DatasetSchema schema, InputSchemaOptions inputOptions, string runId, IssueRanks ranks, CancellationToken cancellationToken)
    {
        var spillFolder = folder.Subfolder(OutputFolders.Spill);
        var issuesFolder = folder.Subfolder(OutputFolders.Issues);
        var spillOptions = schema.Layout == ProbabilityLayout.Npy
            ? new InputSchemaOptions { ClassCount = schema.ClassCount }
            : inputOptions with
            {
                ClassNames = schema.ClassNames ?? inputOptions.ClassNames,
                ClassCount = schema.ClassCount,
                // Spilled rows are re-read only to be copied: provided probabilities, written as columns or not, are not needed again.
                ProvidedProbabilities = inputOptions.ProvidedProbabilities is null ? null : ProvidedProbabilities.Unread(schema.ClassCount),
            };
        var rows = await new IssueMerger(new GatherLimits()).MergeAsync(spillFolder, issuesFolder, spillOptions, runId, ranks, cancellationToken);
        Directory.Delete(spillFolder, recursive: true);
        return rows;
    }
}
