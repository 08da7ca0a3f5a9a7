namespace SparkCleanlab.Core.MultiLabel;

/// <summary>One row of the reference's common_multilabel_issues table.</summary>
/// <param name="ClassIndex">The class.</param>
/// <param name="InGivenLabel">True for rows given the class whose membership is flagged; false for rows not given it.</param>
/// <param name="InSuggestedLabel">The opposite of <paramref name="InGivenLabel"/>: where the class should be instead.</param>
/// <param name="NumExamples">How many such rows.</param>
/// <param name="IssueProbability"><paramref name="NumExamples"/> / n.</param>
public sealed record MultiLabelClassIssue(int ClassIndex, bool InGivenLabel, bool InSuggestedLabel, long NumExamples, double IssueProbability);
