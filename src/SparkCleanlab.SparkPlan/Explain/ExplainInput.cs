using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// The input as the explain sees it without Spark: the schema <c>read.parquet</c> would give
/// and the files it would list. Local inputs are read from their Parquet footers; a remote input
/// (<c>s3a://</c>, <c>hdfs://</c>, ...) cannot be read without Hadoop, so its layout comes from
/// the command line (<see cref="RemoteFlags"/>).
/// </summary>
internal sealed class ExplainInput
{
    /// <summary>The flags that describe a remote input's layout.</summary>
    public const string RemoteFlags = "--num-classes K (required), --label-column NAME (an integer label; string labels with --classes A,B,...), "
        + "and --probs-column NAME (a list column, the default), --probs-prefix PREFIX or --probs-columns A,B,...";

    private readonly FindIssuesRequest _request;
    private int? _firstListLength;

    private ExplainInput(FindIssuesRequest request, IReadOnlyList<FrameField> schema, IReadOnlyList<string> fileUris, string source)
    {
        _request = request;
        Schema = schema;
        FileUris = fileUris;
        Source = source;
    }

    /// <summary>The columns and Spark SQL types <c>read.parquet</c> would report.</summary>
    public IReadOnlyList<FrameField> Schema { get; }

    /// <summary>The input files as <c>_metadata.file_path</c> names them (the input paths themselves for a remote input).</summary>
    public IReadOnlyList<string> FileUris { get; }

    /// <summary>Where the schema came from, for the explain's header.</summary>
    public string Source { get; }

    /// <summary>True when the schema comes from the command line rather than from the files.</summary>
    public bool IsRemote => Remote(_request.Inputs);

    /// <summary>Reads the local inputs' footers, or builds a remote input's schema from the request.</summary>
    /// <exception cref="UsageException">A remote input without <c>--num-classes</c>.</exception>
    /// <exception cref="InputDataException">A local input has no Parquet files or an unreadable footer.</exception>
    public static async Task<ExplainInput> OpenAsync(FindIssuesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Remote(request.Inputs))
        {
            return FromFlags(request);
        }

        var files = request.Inputs.SelectMany(i => ParquetFileDiscovery.Discover(SparkPaths.Decode(i))).ToList();
        var first = files[0];
        IReadOnlyList<FrameField> columns;
        await using (var reader = await ParquetFile.OpenAsync(first.FullPath, cancellationToken))
        {
            columns = reader.Schema.Fields.Select(f => new FrameField(f.Name, ParquetSparkTypes.Of(f))).ToList();
        }

        // Spark appends Hive partition columns after the files' own, typed by their values.
        var partitions = first.PartitionValues.Select(p => p.Column).Where(c => columns.All(f => f.Name != c)).ToList();
        var schema = columns.Concat(partitions.Select(c => new FrameField(c, ParquetSparkTypes.OfPartitionValues(
            files.Select(f => f.PartitionValues.FirstOrDefault(v => v.Column == c).Value))))).ToList();
        return new ExplainInput(request, schema, files.Select(f => new Uri(f.FullPath).AbsoluteUri).ToList(),
            $"the Parquet footer of {first.FullPath} ({files.Count} file(s))");
    }

    /// <summary>The length of the first row's probability list: <c>--num-classes</c>, or read as the local engine reads it.</summary>
    internal int FirstListLength()
    {
        if (_request.Columns.ClassCount is { } given)
        {
            return given;
        }

        _firstListLength ??= InputDataset.OpenAsync(SparkPaths.Decode(_request.Inputs[0]), new InputSchemaOptions
        {
            LabelColumn = _request.Columns.Label,
            ProbabilityColumn = _request.Columns.ProbabilitiesColumn,
            ProbabilityPrefix = _request.Columns.ProbabilityPrefix,
            ProbabilityColumns = _request.Columns.ProbabilityColumns,
            ClassNames = _request.Columns.Classes,
        }).GetAwaiter().GetResult().Schema.ClassCount;
        return _firstListLength.Value;
    }

    /// <summary>A file's size and time: the local file's, or nothing known for a remote one.</summary>
    internal InputFile Status(string uri)
    {
        if (IsRemote)
        {
            return new InputFile(uri, 0, DateTime.UnixEpoch);
        }

        var file = new FileInfo(SparkPaths.Decode(uri));
        return new InputFile(uri, file.Length, file.LastWriteTimeUtc);
    }

    private static bool Remote(IReadOnlyList<string> inputs) =>
        inputs.Any(i => i.Contains("://", StringComparison.Ordinal) && !i.StartsWith("file:", StringComparison.Ordinal));

    private static ExplainInput FromFlags(FindIssuesRequest request)
    {
        var columns = request.Columns;
        var k = columns.ClassCount ?? throw new UsageException(
            $"--explain cannot read the footers of a remote input ({request.Inputs[0]}) without Spark: give --num-classes K, and describe the layout with {RemoteFlags}.");
        var label = new FrameField(columns.Label, columns.Classes is null ? "bigint" : "string");
        IEnumerable<FrameField> probabilities = columns.ProbabilityColumns is { } named
            ? named.Select(n => new FrameField(n, "double"))
            : columns.ProbabilityPrefix is { } prefix
                ? Enumerable.Range(0, k).Select(j => new FrameField(prefix + j.ToString(System.Globalization.CultureInfo.InvariantCulture), "double"))
                : [new FrameField(columns.ProbabilitiesColumn, "array<double>")];
        var id = columns.Id is { } idColumn ? new[] { new FrameField(idColumn, "string") } : [];
        return new ExplainInput(request, [.. id, label, .. probabilities], request.Inputs,
            $"the command line (remote input: {RemoteFlags}; the input's other columns are not known, so the output projections list only these)");
    }
}
