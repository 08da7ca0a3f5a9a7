using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// What the single- and multi-label inputs share once opened: the frame <c>read.parquet</c> gave,
/// what its schema says, and its rows with the plan columns, each row placed by its
/// <see cref="Columns.Position"/> so both engines break ties alike. How the label is typed and
/// validated is each input's own (<see cref="Projected"/>).
/// </summary>
internal abstract class ProjectedInput
{
    /// <summary>The column of the file-ordinal table.</summary>
    public const string OrdinalColumn = "__ordinal";

    private readonly IFrame _raw;
    private IFrame? _rows;

    /// <summary>An input over <paramref name="raw"/> whose probabilities are one list column or one column per class.</summary>
    private protected ProjectedInput(IFrame raw, bool listLayout, InputFacts facts)
    {
        _raw = raw;
        ListLayout = listLayout;
        Facts = facts;
    }

    /// <summary>What the schema says, for <see cref="InputContract"/>.</summary>
    public InputFacts Facts { get; }

    /// <summary>Every row with the plan columns; available after <see cref="Project"/>.</summary>
    public IFrame Rows => _rows ?? throw new InvalidOperationException("The input is not projected yet.");

    /// <summary>The valid rows.</summary>
    public IFrame Valid => Rows.Filter($"{Columns.Invalid} IS NULL");

    /// <summary>The user's columns, quoted, for output projections.</summary>
    public string[] UserSelection => Facts.Columns.Select(Columns.Quote).ToArray();

    /// <summary>True when the probabilities are one list column, false for one column per class.</summary>
    private protected bool ListLayout { get; }

    /// <summary>The probability column(s) as found.</summary>
    private protected IReadOnlyList<string> ProbabilityColumns => Facts.ProbabilityColumns;

    /// <summary>The probabilities as an <c>array&lt;double&gt;</c> in class order, for <see cref="Columns.P"/>.</summary>
    private protected string Probabilities => ListLayout
        ? $"transform({Columns.Quote(ProbabilityColumns[0])}, x -> CAST(x AS DOUBLE))"
        : $"array({string.Join(", ", ProbabilityColumns.Select(c => $"CAST({Columns.Quote(c)} AS DOUBLE)"))})";

    /// <summary>The distinct input files, as Spark names them.</summary>
    public IReadOnlyList<string> Files() =>
        _raw.SelectExpr($"_metadata.file_path AS {Columns.File}").Distinct().Collect().Select(r => r.String(0)!).ToList();

    /// <summary>Adds the plan columns for the settled K and class names; <paramref name="fileOrdinals"/> numbers the files.</summary>
    public void Project(SettledInput input, IFrame fileOrdinals)
    {
        // Position = file ordinal * 2^32 + the row's index in its file.
        var positioned = _raw.SelectExpr("*", $"_metadata.file_path AS {Columns.File}", $"_metadata.row_index AS {Columns.RowIndex}")
            .Join(fileOrdinals, [Columns.File], broadcastRight: true)
            .SelectExpr("*", $"((CAST({OrdinalColumn} AS BIGINT) * 4294967296L) + {Columns.RowIndex}) AS {Columns.Position}");
        _rows = Projected(input, positioned);
    }

    /// <summary>
    /// <paramref name="positioned"/> (every input column with <see cref="Columns.File"/>, <see cref="Columns.RowIndex"/>
    /// and <see cref="Columns.Position"/>) as the plan reads it: the user's columns, the plan columns, and
    /// <see cref="Columns.Invalid"/> with <see cref="Columns.InvalidColumn"/>.
    /// </summary>
    private protected abstract IFrame Projected(SettledInput input, IFrame positioned);
}
