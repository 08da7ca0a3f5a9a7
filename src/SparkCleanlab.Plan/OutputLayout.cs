namespace SparkCleanlab.Plan;

/// <summary>The output contract: folders, files and the columns the engines add to the user's columns.</summary>
internal static class OutputLayout
{
    /// <summary>Rows not flagged, with the user's columns only.</summary>
    public const string Cleaned = "cleaned";

    /// <summary>Flagged rows, worst first across part files.</summary>
    public const string Issues = "issues";

    /// <summary>Every valid row with <see cref="IsLabelIssue"/>, <see cref="LabelQuality"/> and <see cref="SuggestedLabel"/>.</summary>
    public const string Annotated = "annotated";

    /// <summary>Rows rejected by validation, with <see cref="InvalidReason"/>; always written, empty when every row is valid.</summary>
    public const string Invalid = "invalid";

    /// <summary>The numbers of the run.</summary>
    public const string Summary = "summary.json";

    /// <summary>The same numbers as a page.</summary>
    public const string Report = "report.html";

    /// <summary>Written last: the output is complete.</summary>
    public const string Success = "_SUCCESS";

    /// <summary>The row's label quality score (lower is more likely wrong).</summary>
    public const string LabelQuality = "label_quality";

    /// <summary>The class the model believes (argmax), as an index or a class name like the label.</summary>
    public const string SuggestedLabel = "suggested_label";

    /// <summary>The filter method that flagged the row.</summary>
    public const string Method = "method";

    /// <summary>0 for the worst issue, then 1, 2, ...: the place in the reference's ranked indices.</summary>
    public const string IssueRank = "issue_rank";

    /// <summary>Multi-label issues: the classes whose membership of the row is flagged.</summary>
    public const string IssueClasses = "issue_classes";

    /// <summary>Multi-label issues: per flagged class, <c>add:CLASS</c> or <c>remove:CLASS</c>.</summary>
    public const string IssueActions = "issue_actions";

    /// <summary>Whether the row is flagged (<c>annotated/</c>).</summary>
    public const string IsLabelIssue = "is_label_issue";

    /// <summary>Why a row was quarantined (<c>invalid/</c>).</summary>
    public const string InvalidReason = "invalid_reason";

    /// <summary>The prefix of the columns the engines add while they run; input columns may not start with it.</summary>
    public const string InternalPrefix = "__";

    /// <summary>Every column an output adds.</summary>
    public static IReadOnlyList<string> AddedColumns { get; } = [LabelQuality, SuggestedLabel, Method, IssueRank, IsLabelIssue, InvalidReason, IssueClasses, IssueActions];

    /// <summary>True when an input column may not have this name (Spark's hidden <c>_metadata</c> included).</summary>
    public static bool IsReserved(string column) =>
        AddedColumns.Contains(column, StringComparer.OrdinalIgnoreCase)
        || column.StartsWith(InternalPrefix, StringComparison.Ordinal)
        || string.Equals(column, "_metadata", StringComparison.OrdinalIgnoreCase);
}
