namespace SparkCleanlab.Plan.Execution;

/// <summary>What an engine found in the input's schema, before K is settled by <see cref="InputContract"/>.</summary>
internal sealed record InputFacts
{
    /// <summary>K as the data gives it: the number of probability columns, or the length of the first row's list.</summary>
    public required int InferredClassCount { get; init; }

    /// <summary>Class names the probability columns carry (<c>p_cat, p_dog</c>), or null.</summary>
    public IReadOnlyList<string>? ClassNamesFromColumns { get; init; }

    /// <summary>True when the labels are class names (strings), false for class indices.</summary>
    public required bool StringLabels { get; init; }

    /// <summary>The label column as found.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>The probability column(s) as found: one list column, or K class columns.</summary>
    public required IReadOnlyList<string> ProbabilityColumns { get; init; }

    /// <summary>Every input column, in order: what the outputs carry through.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The file K was inferred from, for error messages.</summary>
    public string? File { get; init; }

    /// <summary>Rows of the input when known before reading them (Parquet footers), else null.</summary>
    public long? RowCount { get; init; }
}
