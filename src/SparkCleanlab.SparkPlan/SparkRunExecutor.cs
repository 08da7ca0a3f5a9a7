using System.Globalization;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// What the single- and multi-label Spark executors do alike around their passes
/// (<see cref="IRunExecutor"/>): reserve, publish and read the output, open the input and number
/// its files, fingerprint it, and write <c>invalid/</c>.
/// </summary>
/// <typeparam name="TInput">The input as the executor's passes read it.</typeparam>
internal abstract class SparkRunExecutor<TInput> : IRunExecutor
    where TInput : ProjectedInput
{
    /// <summary>
    /// The aggregation, over rows with a <see cref="Columns.Position"/>, of the first row by position as
    /// (file, row index, column at fault, reason); <see cref="InvalidSample"/> reads it back.
    /// </summary>
    private protected static readonly string FirstInvalid =
        $"min_by(struct({Columns.File}, {Columns.RowIndex}, {Columns.InvalidColumn}, {Columns.Invalid}), {Columns.Position}) AS first";

    private readonly FindIssuesRequest _request;
    private TInput? _input;
    private SparkInputFiles? _files;

    /// <summary>An executor for <paramref name="request"/> on <paramref name="session"/>, reporting the output's recovery on <paramref name="log"/>.</summary>
    private protected SparkRunExecutor(ISparkSessionApi session, FindIssuesRequest request, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        Session = session;
        _request = request;
        Output = new SparkOutput(session, request.Output, request.Overwrite, log ?? TextWriter.Null);
    }

    /// <inheritdoc/>
    public string Engine => "spark";

    /// <inheritdoc/>
    public ExecutionFacts Facts => new(null, null, null, _input is null ? null : InputFiles.Fingerprint(InputRows));

    /// <summary>The session the passes run on.</summary>
    private protected ISparkSessionApi Session { get; }

    /// <summary>The output being staged.</summary>
    private protected SparkOutput Output { get; }

    /// <summary>The opened input.</summary>
    private protected TInput Input => _input ?? throw new InvalidOperationException("The input is not open.");

    /// <summary>The input's files in the local engine's order.</summary>
    private protected SparkInputFiles InputFiles => _files ??= new SparkInputFiles(Session, _request.Inputs, Input.Files);

    /// <summary>The rows the screen counted, valid or not, for the fingerprint.</summary>
    private protected long InputRows { get; set; }

    /// <inheritdoc/>
    public Task PrepareOutputAsync(CancellationToken cancellationToken)
    {
        Output.Prepare();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<InputFacts> OpenAsync(CancellationToken cancellationToken)
    {
        _input = Open(Session, _request);
        return Task.FromResult(_input.Facts);
    }

    /// <inheritdoc/>
    public Task PublishAsync(IReadOnlyDictionary<string, string> documents, CancellationToken cancellationToken)
    {
        Output.Publish(documents);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<string?> ReadPublishedAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Output.ReadPublished(name));

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Output.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads the input's schema and finds its columns.</summary>
    private protected abstract TInput Open(ISparkSessionApi session, FindIssuesRequest request);

    /// <summary>Adds the plan columns to the input for the settled K, the files numbered in the local engine's order.</summary>
    private protected void Project(SettledInput input) => Input.Project(input, InputFiles.Ordinals());

    /// <summary>Writes <c>invalid/</c>: every invalid row's own columns and its reason.</summary>
    private protected void WriteInvalid() =>
        Input.Rows.Filter($"{Columns.Invalid} IS NOT NULL").SelectExpr([.. Input.UserSelection, $"{Columns.Invalid} AS {OutputLayout.InvalidReason}"])
            .WriteParquet(Output.Folder(OutputLayout.Invalid));

    /// <summary>The invalid row that <see cref="FirstInvalid"/> aggregated, read from column <paramref name="column"/> of <paramref name="row"/>.</summary>
    private protected static InvalidRowSample InvalidSample(FrameRow row, int column)
    {
        var sample = row.Array(column)!;
        return new InvalidRowSample(SparkPaths.Decode((string)sample[0]!), Convert.ToInt64(sample[1], CultureInfo.InvariantCulture), (string)sample[2]!, (string)sample[3]!);
    }
}
