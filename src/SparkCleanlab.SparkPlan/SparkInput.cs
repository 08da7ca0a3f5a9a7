using System.Globalization;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Plan.Output;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The input as the Spark stages read it: the user's columns untouched, plus the label as a
/// class index, the probabilities as an array of doubles, the position (file ordinal in the
/// local engine's file order, times 2^32, plus the row's index in its file) and the
/// <c>invalid_reason</c> text, by one projection. Only the columns the plan needs are typed, so
/// other columns of any type pass through.
/// </summary>
internal sealed class SparkInput : ProjectedInput
{
    internal static readonly HashSet<string> IndexTypes = new(StringComparer.Ordinal) { "tinyint", "smallint", "int", "bigint" };
    private static readonly HashSet<string> NumberTypes = new(StringComparer.Ordinal) { "tinyint", "smallint", "int", "bigint", "float", "double" };

    private SparkInput(IFrame raw, bool listLayout, InputFacts facts)
        : base(raw, listLayout, facts)
    {
    }

    /// <summary>Reads the inputs' schema and finds the label and probability columns.</summary>
    public static SparkInput Open(ISparkSessionApi session, FindIssuesRequest request)
    {
        var raw = session.ReadParquet(request.Inputs);
        var types = raw.Schema.ToDictionary(f => f.Name, f => f.Type, StringComparer.Ordinal);
        var columns = raw.Schema.Select(f => f.Name).ToList();

        // Before anything reads Spark's hidden _metadata, which a user column of that name would shadow.
        InputContract.RejectReserved(columns);
        var label = request.Columns.Label;
        var file = request.Inputs[0];
        if (!types.TryGetValue(label, out var labelType))
        {
            throw new InputDataException($"Label column '{label}' not found; columns are [{string.Join(", ", columns)}]", "Name the label column with --label-column.", file: file, column: label);
        }

        if (!IndexTypes.Contains(labelType) && labelType != "string")
        {
            throw new InputDataException($"Label column '{label}' has type {labelType}; expected an integer (int8..int64) or a string", "Store labels as class indices or class names.", file: file, column: label);
        }

        var (listLayout, probabilityColumns, namesFromColumns) = FindProbabilities(types, columns, request.Columns, file);
        var k = listLayout ? FirstListLength(raw, probabilityColumns[0], file) : probabilityColumns.Count;
        var facts = new InputFacts
        {
            InferredClassCount = k,
            ClassNamesFromColumns = namesFromColumns,
            StringLabels = labelType == "string",
            LabelColumn = label,
            ProbabilityColumns = probabilityColumns,
            Columns = columns,
            File = file,
        };
        return new SparkInput(raw, listLayout, facts);
    }

    /// <inheritdoc/>
    private protected override IFrame Projected(SettledInput input, IFrame positioned)
    {
        var k = input.ClassCount;
        var label = Facts.LabelColumn;
        var quotedLabel = Columns.Quote(label);
        var stringLabels = Facts.StringLabels;
        var labelIndex = stringLabels
            ? $"CAST(array_position({StringArray(input.ClassNames!)}, {quotedLabel}) - 1 AS INT)"
            : $"CAST({quotedLabel} AS INT)";
        var rows = positioned.SelectExpr(
            [.. UserSelection, Columns.File, Columns.RowIndex, Columns.Position,
            $"{labelIndex} AS {Columns.Label}",
            $"{Probabilities} AS {Columns.P}",
            $"{quotedLabel} AS __given"]);
        var (reason, column) = Validation(k, stringLabels, label, input.SumTolerance);
        return rows.SelectExpr("*", $"{reason} AS {Columns.Invalid}", $"{column} AS {Columns.InvalidColumn}");
    }

    // The reason and the column at fault, checked in the local engine's order: the label, the
    // shape of the probabilities, then class by class NaN, infinity, below zero, above one, then the sum.
    private (string Reason, string Column) Validation(int k, bool stringLabels, string label, double tolerance)
    {
        var p = Columns.P;
        const string given = "__given";
        var labelCheck = stringLabels
            ? $"WHEN {given} IS NULL THEN {Text(InvalidReasons.NullLabel(label))} "
              + $"WHEN {Columns.Label} < 0 THEN concat({Text("label '")}, {given}, {Text($"' in '{label}' is not one of the classes")})"
            : $"WHEN {given} IS NULL THEN {Text(InvalidReasons.NullLabel(label))} "
              + $"WHEN {given} < 0 OR {given} >= {k} THEN concat({Text("label ")}, CAST({given} AS STRING), {Text($" in '{label}' is outside 0..{k - 1}")})";
        var list = ProbabilityColumns[0];
        var quoted = Columns.Quote(list);
        var shape = ListLayout
            ? $"WHEN {quoted} IS NULL OR size({quoted}) = 0 OR exists({quoted}, x -> x IS NULL) THEN {Text(InvalidReasons.NullProbability(list))} "
              + $"WHEN size({quoted}) <> {k} THEN concat({Text($"'{list}' has ")}, CAST(size({quoted}) AS STRING), {Text($" probabilities, expected {k}")})"
            : $"WHEN exists({p}, x -> x IS NULL) THEN concat({Text("null probability in '")}, {StringArray(ProbabilityColumns)}[array_position(transform({p}, x -> x IS NULL), true) - 1], {Text("'")})";
        var names = ListLayout
            ? $"transform(sequence(0, {k - 1}), j -> concat({Text(list + "[")}, CAST(j AS STRING), {Text("]")}))"
            : StringArray(ProbabilityColumns);

        // The first failing check over the classes in order, as class * 4 + check.
        var perClass = $"aggregate(sequence(0, {k - 1}), CAST(NULL AS INT), (found, j) -> IF(found IS NOT NULL, found, "
            + $"CASE WHEN isnan({p}[j]) THEN j * 4 WHEN abs({p}[j]) = CAST('Infinity' AS DOUBLE) THEN j * 4 + 1 "
            + $"WHEN {p}[j] < {SqlLiteral.Double(0)} THEN j * 4 + 2 WHEN {p}[j] > {SqlLiteral.Double(1 + tolerance)} THEN j * 4 + 3 END))";
        var checks = StringArray([" is NaN", " is infinite", " is negative", $" is above 1 (tolerance {tolerance.ToString("R", CultureInfo.InvariantCulture)})"]);
        var classReason = $"concat({Text("probability in '")}, {names}[{perClass} div 4], {Text("'")}, {checks}[{perClass} % 4])";
        var sum = $"aggregate({p}, {SqlLiteral.Double(0)}, (acc, x) -> acc + x)";
        var reason = $"(CASE {labelCheck} {shape} WHEN {perClass} IS NOT NULL THEN {classReason} "
            + $"WHEN NOT (abs({sum} - {SqlLiteral.Double(1.0)}) <= {SqlLiteral.Double(tolerance)}) THEN {Text(InvalidReasons.SumNotOne(tolerance))} ELSE NULL END)";
        return (reason, ColumnAtFault(k, stringLabels, label, names, perClass));
    }

    private string ColumnAtFault(int k, bool stringLabels, string label, string names, string perClass)
    {
        var given = "__given";
        var labelBad = stringLabels ? $"{given} IS NULL OR {Columns.Label} < 0" : $"{given} IS NULL OR {given} < 0 OR {given} >= {k}";
        var list = ProbabilityColumns[0];
        var shapeColumn = ListLayout
            ? $"WHEN {Columns.Quote(list)} IS NULL OR size({Columns.Quote(list)}) <> {k} OR exists({Columns.Quote(list)}, x -> x IS NULL) THEN {Text(list)}"
            : $"WHEN exists({Columns.P}, x -> x IS NULL) THEN {StringArray(ProbabilityColumns)}[array_position(transform({Columns.P}, x -> x IS NULL), true) - 1]";
        var all = ListLayout ? list : string.Join(",", ProbabilityColumns);
        return $"(CASE WHEN {labelBad} THEN {Text(label)} {shapeColumn} WHEN {perClass} IS NOT NULL THEN {names}[{perClass} div 4] ELSE {Text(all)} END)";
    }

    // The local engine's rules, in its order: explicit columns (named by class, less a shared
    // prefix), a given prefix (numbered from 0, else every column with it, named by the rest),
    // the list column when it exists, then numbered p_0.. or p0.. columns.
    internal static (bool List, IReadOnlyList<string> Columns, IReadOnlyList<string>? Names) FindProbabilities(
        Dictionary<string, string> types, IReadOnlyList<string> columns, InputColumns options, string file)
    {
        if (options.ProbabilityColumns is { } named)
        {
            var missing = named.Where(n => !types.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                throw new InputDataException($"--probs-columns names columns not in the input: {string.Join(", ", missing)}", "Name existing columns.", file: file, column: missing[0]);
            }

            CheckNumeric(types, named, file);
            var shared = options.ProbabilityPrefix ?? "p_";
            var names = named.All(c => c.StartsWith(shared, StringComparison.Ordinal) && c.Length > shared.Length) ? named.Select(c => c[shared.Length..]).ToList() : named.ToList();
            return (false, named, names);
        }

        if (options.ProbabilityPrefix is { } prefix)
        {
            var prefixed = columns.Where(c => c.StartsWith(prefix, StringComparison.Ordinal) && c.Length > prefix.Length).ToList();
            if (prefixed.Count == 0)
            {
                throw new InputDataException($"No probability columns start with --probs-prefix '{prefix}'; columns are [{string.Join(", ", columns)}]", "Fix --probs-prefix.", file: file, column: prefix + "*");
            }

            var numbered = Numbered(types, prefix);
            CheckNumeric(types, numbered ?? prefixed, file);
            return numbered is not null ? (false, numbered, null) : (false, prefixed, prefixed.Select(c => c[prefix.Length..]).ToList());
        }

        if (types.TryGetValue(options.ProbabilitiesColumn, out var type))
        {
            return type is "array<double>" or "array<float>"
                ? (true, [options.ProbabilitiesColumn], null)
                : throw new InputDataException($"Probability column '{options.ProbabilitiesColumn}' has type {type}; expected a list of double or float", "Store one list of K probabilities per row, or use per-class probability columns.", file: file, column: options.ProbabilitiesColumn);
        }

        foreach (var candidate in new[] { "p_", "p" })
        {
            if (Numbered(types, candidate) is { } numbered)
            {
                CheckNumeric(types, numbered, file);
                return (false, numbered, null);
            }
        }

        throw new InputDataException(
            $"No probability column '{options.ProbabilitiesColumn}' and no columns p_0..p_K-1 or p0..pK-1; columns are [{string.Join(", ", columns)}]",
            "Use --probs-column, --probs-prefix or --probs-columns.", file: file, column: options.ProbabilitiesColumn);
    }

    private static List<string>? Numbered(Dictionary<string, string> types, string prefix)
    {
        var numbered = Enumerable.Range(0, int.MaxValue).Select(j => prefix + j.ToString(CultureInfo.InvariantCulture)).TakeWhile(types.ContainsKey).ToList();
        return numbered.Count == 0 ? null : numbered;
    }

    private static void CheckNumeric(Dictionary<string, string> types, IEnumerable<string> columns, string file)
    {
        foreach (var column in columns.Where(c => !NumberTypes.Contains(types[c])))
        {
            throw new InputDataException($"Probability column '{column}' has type {types[column]}; expected a number", "Store probabilities as float or double.", file: file, column: column);
        }
    }

    // K from the first row in the local engine's order (first file by path, first row): one small aggregation.
    internal static int FirstListLength(IFrame raw, string column, string file)
    {
        var first = raw.SelectExpr($"_metadata.file_path AS {Columns.File}", $"_metadata.row_index AS {Columns.RowIndex}", $"size({Columns.Quote(column)}) AS __n")
            .GroupByAgg([], [$"min_by(__n, struct({Columns.File}, {Columns.RowIndex})) AS __n"])
            .Collect();
        if (first.Count == 0 || first[0][0] is null)
        {
            throw new InputDataException("The input has no rows", "Check the input paths and filters.", file: file);
        }

        var length = first[0].Int32(0);
        return length > 0
            ? length
            : throw new InputDataException(
                "The first row's probability list is null or empty, so K cannot be inferred",
                "Give --num-classes, or fix the first row.", file: file, row: 0, column: column);
    }

    internal static string StringArray(IEnumerable<string> values) => $"array({string.Join(", ", values.Select(SqlLiteral.String))})";

    private static string Text(string value) => SqlLiteral.String(value);
}
