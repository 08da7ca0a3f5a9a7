using SparkCleanlab.Local.Output;
using SparkCleanlab.Local.Validation;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Local.Execution;

/// <summary>
/// What the embedded engine's single-label and multi-label executors share (<see cref="IRunExecutor"/>): the output
/// folder, the opened input with its batch runner, the published documents, and where each partition's valid rows
/// start once the screening pass has found the invalid ones.
/// </summary>
internal abstract class LocalRun : IRunExecutor
{
    private readonly PlanProgress _progress;
    private readonly TextWriter? _log;
    private AtomicOutputFolder? _folder;
    private LocalInput? _input;
    private BatchRunner? _runner;

    /// <summary>A run of <paramref name="request"/> reading its input with <paramref name="schemaOptions"/>.</summary>
    /// <param name="request">The run.</param>
    /// <param name="schemaOptions">How to read the input.</param>
    /// <param name="progress">Where row progress goes.</param>
    /// <param name="log">Where the output's recovery from interrupted runs is reported, one line each.</param>
    protected LocalRun(FindIssuesRequest request, InputSchemaOptions schemaOptions, PlanProgress? progress, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
        InputOptions = schemaOptions;
        _progress = progress ?? new PlanProgress(null);
        _log = log;
        Threads = request.Execution.Threads ?? Environment.ProcessorCount;
    }

    /// <inheritdoc/>
    public string Engine => "local";

    /// <inheritdoc/>
    public ExecutionFacts Facts => new(Threads, Partitions.Length, _runner?.PeakLiveBatches, _input?.Fingerprint);

    /// <summary>The run.</summary>
    protected FindIssuesRequest Request { get; }

    /// <summary>How the input is read.</summary>
    protected InputSchemaOptions InputOptions { get; }

    /// <summary>Worker threads asked for.</summary>
    protected int Threads { get; }

    /// <summary>The memory every batch in flight reserves from; null reads with no limit but the thread count.</summary>
    protected virtual MemoryBudget? Budget => null;

    /// <summary>The opened input.</summary>
    protected LocalInput Input => _input ?? throw new InvalidOperationException("The input is not open.");

    /// <summary>The input's partitions, in position order; empty before the input is open.</summary>
    protected Partition[] Partitions => _input?.Partitions ?? [];

    /// <summary>The input's schema.</summary>
    protected DatasetSchema Schema => Input.Schema;

    /// <summary>Runs the passes over the partitions.</summary>
    protected BatchRunner Runner => _runner ?? throw new InvalidOperationException("The input is not open.");

    /// <summary>The staging output.</summary>
    protected AtomicOutputFolder Folder => _folder ?? throw new InvalidOperationException("The output is not prepared.");

    /// <summary>Each partition's first valid row's position among all valid rows; set by <see cref="Settle"/>.</summary>
    protected long[] FirstValid { get; private set; } = [];

    // A batch (a .npy slice, a Parquet row group or a slice of one) decodes to at most this share of --memory-mb: a
    // batch in flight costs about four times that (its reservation), and one per core still leaves the budget room.
    private const int BatchShare = 16;

    /// <summary>The reader's options from the request's columns.</summary>
    protected static InputSchemaOptions ReadOptionsOf(FindIssuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var columns = request.Columns;
        return new InputSchemaOptions
        {
            LabelColumn = columns.Label,
            ProbabilityColumn = columns.ProbabilitiesColumn,
            ProbabilityPrefix = columns.ProbabilityPrefix,
            ProbabilityColumns = columns.ProbabilityColumns,
            IdColumn = columns.Id,
            ClassNames = columns.Classes,
            ClassCount = columns.ClassCount,
            NpyBatchRows = request.Execution.BatchRows,
            BatchBytes = BudgetBytes(request) / BatchShare,
        };
    }

    /// <summary>The working memory <c>--memory-mb</c> gives the engine, in bytes.</summary>
    protected static long BudgetBytes(FindIssuesRequest request) => (long)request.Execution.MemoryMegabytes << 20;

    /// <inheritdoc/>
    public Task PrepareOutputAsync(CancellationToken cancellationToken)
    {
        _folder = AtomicOutputFolder.Create(Request.Output, Request.Overwrite, Request.Inputs, _log);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<InputFacts> OpenAsync(CancellationToken cancellationToken)
    {
        _input = await LocalInput.OpenAsync(Request.Inputs, InputOptions, cancellationToken);
        _runner = new BatchRunner(_input.Partitions, Threads) { PartitionDone = _progress.Advance, Budget = Budget };
        return _input.Facts;
    }

    /// <inheritdoc/>
    public Task PublishAsync(IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken) =>
        RunDocuments.WriteAndCommitAsync(Folder, documents, cancellationToken);

    /// <inheritdoc/>
    public Task<string?> ReadPublishedAsync(string name, CancellationToken cancellationToken) =>
        RunDocuments.ReadPublishedAsync(Request.Output, name, cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _folder?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// After the screening pass, from each partition's invalid rows (in row order): sets <see cref="FirstValid"/> and
    /// returns the count of valid rows and the first invalid row of the input, or null when every row is valid.
    /// </summary>
    protected (long Valid, InvalidRowSample? FirstInvalid) Settle(IReadOnlyList<IReadOnlyList<InvalidRow>> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        FirstValid = new long[Partitions.Length];
        long valid = 0;
        InvalidRowSample? first = null;
        for (var p = 0; p < Partitions.Length; p++)
        {
            FirstValid[p] = valid;
            valid += Partitions[p].RowCount - invalid[p].Count;
            if (first is null && invalid[p].Count > 0)
            {
                var row = invalid[p][0];
                var source = Partitions[p].Source;
                first = new InvalidRowSample(source.File, source.FirstRow + row.Row, row.Column, row.Reason, source.InRowGroup ? source.RowGroup : null);
            }
        }

        return (valid, first);
    }

    /// <summary>
    /// Merges the spill files, each partition's issues worst first, into <c>issues/</c> worst first across files (a
    /// range of ranks per file and per thread, one row group per spill file per thread), then deletes them.
    /// </summary>
    protected async Task MergeSpillAsync(IssueMerger merger, string runId, IssueRanks ranks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merger);
        var schema = Schema;
        var spillFolder = Folder.Subfolder(OutputFolders.Spill);
        var issuesFolder = Folder.Subfolder(OutputLayout.Issues);
        var spillOptions = schema.Layout == ProbabilityLayout.Npy
            ? new InputSchemaOptions { ClassCount = schema.ClassCount, ColumnsOnly = true }
            : InputOptions with
            {
                ClassNames = schema.ClassNames ?? InputOptions.ClassNames,
                ClassCount = schema.ClassCount,
                // Spilled rows are re-read only to be copied: provided probabilities, written as columns or not, are not needed again.
                ProvidedProbabilities = InputOptions.ProvidedProbabilities is null ? null : ProvidedProbabilities.Unread(schema.ClassCount),
                ColumnsOnly = true,
            };
        await merger.MergeAsync(spillFolder, issuesFolder, spillOptions, runId, ranks, cancellationToken);
        Directory.Delete(spillFolder, recursive: true);
    }
}
