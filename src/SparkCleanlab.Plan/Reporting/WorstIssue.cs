namespace SparkCleanlab.Plan.Reporting;

/// <summary>One of the worst flagged rows, as the report lists it.</summary>
/// <param name="Rank">1 for the worst issue, as in <c>issue_rank</c>.</param>
/// <param name="Row">The row's id when the input has an id column, otherwise its row index, as text.</param>
/// <param name="GivenLabel">The label in the input.</param>
/// <param name="SuggestedLabel">The class the model believes.</param>
/// <param name="Score">The label quality score (lower is more likely wrong).</param>
/// <param name="Extra">Further columns to show, by column name, already formatted.</param>
internal sealed record WorstIssue(long Rank, string Row, string GivenLabel, string SuggestedLabel, double Score, IReadOnlyDictionary<string, string> Extra);
