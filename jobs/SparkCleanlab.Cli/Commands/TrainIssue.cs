namespace SparkCleanlab.Cli.Commands;

/// <summary>One flagged row of <c>issues.json</c>.</summary>
/// <param name="Row">The row's position in the input.</param>
/// <param name="GivenLabel">The label in the data.</param>
/// <param name="SuggestedLabel">The class the out-of-fold probabilities suggest.</param>
/// <param name="LabelQuality">The label quality score; lower is more likely mislabelled.</param>
public sealed record TrainIssue(int Row, string GivenLabel, string SuggestedLabel, double LabelQuality);
