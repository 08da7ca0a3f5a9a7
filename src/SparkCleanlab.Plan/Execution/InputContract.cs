namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// The input rules both engines follow: how K and the class names are settled, which columns
/// must exist, and which names an input may not use because the outputs add them.
/// </summary>
internal static class InputContract
{
    /// <summary>Settles K and the class names from what the engine found and what the request says.</summary>
    /// <exception cref="InputDataException">K, the class list and the data disagree, or string labels have no class list.</exception>
    public static SettledInput Settle(InputFacts facts, FindIssuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(request);
        var columns = request.Columns;
        var k = facts.InferredClassCount;
        var column = facts.ProbabilityColumns[0];
        var classNames = columns.Classes ?? facts.ClassNamesFromColumns;
        if (columns.ClassCount is { } given && given != k)
        {
            throw new InputDataException(
                $"--num-classes says K = {given} but the probabilities have {k} classes",
                "Fix --num-classes or the probability columns.", file: facts.File, column: column);
        }

        if (classNames is not null && classNames.Count != k)
        {
            throw new InputDataException(
                $"--classes {string.Join(",", classNames)} lists {classNames.Count} names but the probabilities have {k} classes",
                "Give exactly one class name per probability.", file: facts.File, column: column);
        }

        if (classNames is not null && classNames.Distinct(StringComparer.Ordinal).Count() != classNames.Count)
        {
            throw new InputDataException(
                $"--classes {string.Join(",", classNames)} names a class twice",
                "Give each class a distinct name in --classes.", file: facts.File);
        }

        if (k < 2)
        {
            throw new InputDataException(
                $"The probabilities have {k} class(es); confident learning needs at least 2",
                "Check the probability column(s).", file: facts.File, column: column);
        }

        if (facts.StringLabels && classNames is null)
        {
            throw new InputDataException(
                "String labels need a class list to map names to probability positions",
                "Give --classes, or name the probability columns by class (e.g. p_cat, p_dog).",
                file: facts.File, column: facts.LabelColumn);
        }

        RejectReserved(facts.Columns);
        CheckId(facts, request);
        return new SettledInput(k, classNames, request.SumTolerance);
    }

    /// <summary>Refuses input columns named like a column the outputs add or the engines use internally.</summary>
    /// <exception cref="UsageException">Such a column exists.</exception>
    public static void RejectReserved(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var taken = columns.Where(OutputLayout.IsReserved).ToList();
        if (taken.Count > 0)
        {
            throw new UsageException(
                $"The input already has column(s) [{string.Join(", ", taken)}], which the outputs add or the engines use internally "
                + $"({string.Join(", ", OutputLayout.AddedColumns)}, _metadata, and names starting with '{OutputLayout.InternalPrefix}'). "
                + "Drop or rename them before the run (an annotated/ output is not an input: read cleaned/ and issues/ without the added columns).");
        }
    }

    private static void CheckId(InputFacts facts, FindIssuesRequest request)
    {
        if (request.Columns.Id is { } id && !facts.Columns.Contains(id, StringComparer.Ordinal))
        {
            throw new InputDataException(
                $"--id-column '{id}' is not in the input; columns are [{string.Join(", ", facts.Columns)}]",
                "Name an existing column with --id-column, or leave it out.", file: facts.File, column: id);
        }
    }
}
