namespace SparkCleanlab.Core.Flagging;

/// <summary>What stage 4 says of one row.</summary>
/// <param name="IsLabelIssue">True when the given label is flagged as an error.</param>
/// <param name="LabelQuality">The ranking score: lower means the given label is more likely wrong.</param>
/// <param name="SuggestedLabel">The most probable class (argmax, first on ties).</param>
internal readonly record struct RowVerdict(bool IsLabelIssue, double LabelQuality, int SuggestedLabel);
