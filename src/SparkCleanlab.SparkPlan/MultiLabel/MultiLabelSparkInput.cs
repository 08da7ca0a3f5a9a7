using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Output;

namespace SparkCleanlab.SparkPlan.MultiLabel;

/// <summary>
/// Multi-label input as the Spark stages read it: the user's columns untouched, plus the given
/// classes as K booleans (<see cref="Member"/>), the probabilities as K doubles, the position and
/// the <c>invalid_reason</c>, by one projection. The given classes are one list column of class
/// indices or names, or one 0/1 or boolean column per class; the checks and their texts follow
/// the local engine's reader, in its order: the labels, the probabilities' shape, then class by
/// class NaN, infinity, below zero and above one. Rows need not sum to one.
/// </summary>
internal sealed class MultiLabelSparkInput : ProjectedInput
{
    /// <summary>The K memberships as <c>array&lt;boolean&gt;</c>: true where the class is given.</summary>
    public const string Member = "__member";

    private const string RawMembership = "__membership";
    private const string LabelFault = "__label_fault";
    private const string ProbabilityFault = "__probability_fault";
    private const string Fault = "__fault";

    private readonly IReadOnlyList<string>? _labelColumns;

    private MultiLabelSparkInput(IFrame raw, IReadOnlyList<string>? labelColumns, bool listLayout, InputFacts facts)
        : base(raw, listLayout, facts)
    {
        _labelColumns = labelColumns;
    }

    /// <summary>Reads the inputs' schema and finds the given-class and probability columns.</summary>
    public static MultiLabelSparkInput Open(ISparkSessionApi session, FindIssuesRequest request)
    {
        var raw = session.ReadParquet(request.Inputs);
        var types = raw.Schema.ToDictionary(f => f.Name, f => f.Type, StringComparer.Ordinal);
        var columns = raw.Schema.Select(f => f.Name).ToList();

        // Before anything reads Spark's hidden _metadata, which a user column of that name would shadow.
        InputContract.RejectReserved(columns);
        var options = request.Columns;
        var file = request.Inputs[0];
        var labelColumns = options.LabelColumns is { Count: > 0 } named ? named : null;
        var stringLabels = labelColumns is null && ListElementType(types, columns, options.Label, file) == "string";
        foreach (var column in labelColumns ?? [])
        {
            CheckMembershipColumn(types, columns, column, file);
        }

        var (listLayout, probabilityColumns, namesFromColumns) = SparkInput.FindProbabilities(types, columns, options, file);
        var k = listLayout ? SparkInput.FirstListLength(raw, probabilityColumns[0], file) : probabilityColumns.Count;
        if (labelColumns is not null && labelColumns.Count != k)
        {
            throw new InputDataException(
                $"There are {labelColumns.Count} label columns but the probabilities have {k} classes",
                "Give one label column per probability.", file: file, column: labelColumns[0]);
        }

        var facts = new InputFacts
        {
            InferredClassCount = k,
            ClassNamesFromColumns = namesFromColumns ?? labelColumns,
            StringLabels = stringLabels,
            LabelColumn = labelColumns?[0] ?? options.Label,
            ProbabilityColumns = probabilityColumns,
            Columns = columns,
            File = file,
        };
        return new MultiLabelSparkInput(raw, labelColumns, listLayout, facts);
    }

    /// <inheritdoc/>
    private protected override IFrame Projected(SettledInput input, IFrame positioned)
    {
        var k = input.ClassCount;
        var rows = positioned.SelectExpr(
            [.. UserSelection, Columns.File, Columns.RowIndex, Columns.Position,
            $"{Probabilities} AS {Columns.P}",
            .. _labelColumns is null ? Array.Empty<string>() : [$"array({string.Join(", ", _labelColumns.Select(c => $"CAST({Columns.Quote(c)} AS BIGINT)"))}) AS {RawMembership}"]]);
        rows = rows.SelectExpr("*", $"{Membership(input)} AS {Member}", $"{FirstLabelFault(input)} AS {LabelFault}", $"{FirstProbabilityFault(k)} AS {ProbabilityFault}");
        rows = rows.SelectExpr("*", $"{FaultOf(k)} AS {Fault}");
        return rows.SelectExpr("*", $"{Fault}.reason AS {Columns.Invalid}", $"{Fault}.column AS {Columns.InvalidColumn}");
    }

    private string Membership(SettledInput input)
    {
        if (_labelColumns is not null)
        {
            return $"transform({RawMembership}, v -> v = 1)";
        }

        var list = Columns.Quote(Facts.LabelColumn);
        return Facts.StringLabels
            ? $"transform({SparkInput.StringArray(input.ClassNames!)}, n -> exists({list}, x -> x = n))"
            : $"transform(sequence(0, {input.ClassCount - 1}), j -> exists({list}, x -> x = j))";
    }

    // The label problem's text (list layout) or class * 2 + problem (class columns: null, not 0/1), NULL when none.
    private string FirstLabelFault(SettledInput input)
    {
        var hole = ReasonText.Placeholder;
        if (_labelColumns is not null)
        {
            return $"aggregate(sequence(0, {input.ClassCount - 1}), CAST(NULL AS INT), (found, j) -> IF(found IS NOT NULL, found, "
                + $"CASE WHEN {RawMembership}[j] IS NULL THEN j * 2 WHEN {RawMembership}[j] <> 0 AND {RawMembership}[j] <> 1 THEN j * 2 + 1 END))";
        }

        var name = Facts.LabelColumn;
        var unknown = Facts.StringLabels
            ? $"WHEN NOT array_contains({SparkInput.StringArray(input.ClassNames!)}, x) THEN {ReasonText.Fill(InvalidReasons.UnknownClass(name, hole), "x")}"
            : $"WHEN x < 0 OR x >= {input.ClassCount} THEN {ReasonText.Fill(InvalidReasons.LabelOutOfRange(name, hole, input.ClassCount), "CAST(x AS STRING)")}";
        return $"IF({Columns.Quote(name)} IS NULL, {SqlLiteral.String(InvalidReasons.NullLabel(name))}, "
            + $"aggregate({Columns.Quote(name)}, CAST(NULL AS STRING), (found, x) -> IF(found IS NOT NULL, found, "
            + $"CASE WHEN x IS NULL THEN {SqlLiteral.String(InvalidReasons.NullLabel(name))} {unknown} END)))";
    }

    // The first failing check over the classes in order, as class * 4 + check (NaN, infinite, negative, above one).
    private static string FirstProbabilityFault(int k)
    {
        var p = Columns.P;
        return $"aggregate(sequence(0, {k - 1}), CAST(NULL AS INT), (found, j) -> IF(found IS NOT NULL, found, "
            + $"CASE WHEN {p}[j] IS NULL THEN NULL WHEN isnan({p}[j]) THEN j * 4 WHEN abs({p}[j]) = CAST('Infinity' AS DOUBLE) THEN j * 4 + 1 "
            + $"WHEN {p}[j] < {SqlLiteral.Double(0)} THEN j * 4 + 2 WHEN {p}[j] > {SqlLiteral.Double(1)} THEN j * 4 + 3 END))";
    }

    // The first problem of the row as a struct of its reason and the column at fault, or NULL for a valid row.
    private string FaultOf(int k)
    {
        var hole = ReasonText.Placeholder;
        static string Struct(string reason, string column) => $"named_struct('reason', {reason}, 'column', {column})";
        var cases = new List<string>();
        if (_labelColumns is not null)
        {
            var names = SparkInput.StringArray(_labelColumns);
            var column = $"{names}[{LabelFault} div 2]";
            var value = $"CAST({RawMembership}[{LabelFault} div 2] AS STRING)";
            var reason = $"IF({LabelFault} % 2 = 0, {ReasonText.Fill(InvalidReasons.NullLabel(hole), column)}, {ReasonText.Fill(InvalidReasons.NotAMembership(hole, hole), value, column)})";
            cases.Add($"WHEN {LabelFault} IS NOT NULL THEN {Struct(reason, column)}");
        }
        else
        {
            cases.Add($"WHEN {LabelFault} IS NOT NULL THEN {Struct(LabelFault, SqlLiteral.String(Facts.LabelColumn))}");
        }

        var first = ProbabilityColumns[0];
        string probabilityName;
        if (ListLayout)
        {
            var list = Columns.Quote(first);
            var at = SqlLiteral.String(first);
            cases.Add($"WHEN {list} IS NULL OR size({list}) = 0 OR exists({list}, x -> x IS NULL) THEN {Struct(SqlLiteral.String(InvalidReasons.NullProbability(first)), at)}");
            cases.Add($"WHEN size({list}) <> {k} THEN {Struct(ReasonText.Fill(InvalidReasons.WrongProbabilityCount(first, hole, k), $"CAST(size({list}) AS STRING)"), at)}");
            probabilityName = ReasonText.Fill($"{first}[{hole}]", $"CAST(({ProbabilityFault} div 4) AS STRING)");
        }
        else
        {
            var names = SparkInput.StringArray(ProbabilityColumns);
            var nullAt = $"{names}[array_position(transform({Columns.P}, x -> x IS NULL), true) - 1]";
            cases.Add($"WHEN exists({Columns.P}, x -> x IS NULL) THEN {Struct(ReasonText.Fill(InvalidReasons.NullProbability(hole), nullAt), nullAt)}");
            probabilityName = $"{names}[{ProbabilityFault} div 4]";
        }

        var check = $"(CASE {ProbabilityFault} % 4 WHEN 0 THEN {ReasonText.Fill(InvalidReasons.NaN(hole), probabilityName)} "
            + $"WHEN 1 THEN {ReasonText.Fill(InvalidReasons.Infinite(hole), probabilityName)} "
            + $"WHEN 2 THEN {ReasonText.Fill(InvalidReasons.Negative(hole), probabilityName)} "
            + $"ELSE {ReasonText.Fill(InvalidReasons.AboveOne(hole, 0), probabilityName)} END)";
        cases.Add($"WHEN {ProbabilityFault} IS NOT NULL THEN {Struct(check, probabilityName)}");
        return $"(CASE {string.Join(" ", cases)} ELSE NULL END)";
    }

    private static string ListElementType(Dictionary<string, string> types, IReadOnlyList<string> columns, string name, string file)
    {
        if (!types.TryGetValue(name, out var type))
        {
            throw new InputDataException(
                $"Label column '{name}' not found; columns are [{string.Join(", ", columns)}]",
                "Name the list column of given classes with --label-column, or give one 0/1 column per class with --label-columns.",
                file: file, column: name);
        }

        var element = type.StartsWith("array<", StringComparison.Ordinal) && type.EndsWith('>') ? type["array<".Length..^1] : null;
        return element is not null && (element == "string" || SparkInput.IndexTypes.Contains(element))
            ? element
            : throw new InputDataException(
                $"Label column '{name}' has type {type}; multi-label input expects a list of integers (int8..int64) or a list of strings",
                "Store the given classes of each row as a list, or give one 0/1 column per class with --label-columns.", file: file, column: name);
    }

    private static void CheckMembershipColumn(Dictionary<string, string> types, IReadOnlyList<string> columns, string name, string file)
    {
        if (types.TryGetValue(name, out var type) && (type == "boolean" || SparkInput.IndexTypes.Contains(type)))
        {
            return;
        }

        throw new InputDataException(
            type is null
                ? $"Label column '{name}' not found; columns are [{string.Join(", ", columns)}]"
                : $"Label column '{name}' has type {type}; expected a 0/1 integer or a boolean",
            "Give one 0/1 or boolean column per class with --label-columns.", file: file, column: name);
    }
}
