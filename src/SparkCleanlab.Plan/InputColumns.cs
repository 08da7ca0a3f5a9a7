namespace SparkCleanlab.Plan;

/// <summary>Where the label, the probabilities and the id are in the input; every other column passes through.</summary>
public sealed record InputColumns
{
    /// <summary>The given-label column (an integer 0..K-1 or a class name).</summary>
    public string Label { get; init; } = "label";

    /// <summary>One list column of K probabilities (double or float); tried first.</summary>
    public string ProbabilitiesColumn { get; init; } = "pred_probs";

    /// <summary>Prefix of K numeric probability columns (<c>p_0..p_{K-1}</c>); null tries <c>p_</c> then <c>p</c>.</summary>
    public string? ProbabilityPrefix { get; init; }

    /// <summary>Explicit names of the K probability columns, in class order, or null.</summary>
    public IReadOnlyList<string>? ProbabilityColumns { get; init; }

    /// <summary>An optional id column, copied to every output; it must exist.</summary>
    public string? Id { get; init; }

    /// <summary>Class names in class-index order, for string labels.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>
    /// Multi-label data: <see cref="Label"/> holds each row's list of given classes (indices, or
    /// names with <see cref="Classes"/>), or <see cref="LabelColumns"/> hold one 0/1 column per class.
    /// </summary>
    public bool MultiLabel { get; init; }

    /// <summary>Multi-label memberships as one 0/1 or boolean column per class, in class order, or null.</summary>
    public IReadOnlyList<string>? LabelColumns { get; init; }

    /// <summary>K when known; null takes it from the probabilities.</summary>
    public int? ClassCount { get; init; }
}
