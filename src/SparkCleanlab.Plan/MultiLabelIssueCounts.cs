namespace SparkCleanlab.Plan;

/// <summary>What the flag pass counted, for the health tables.</summary>
/// <param name="IssueRows">Rows flagged.</param>
/// <param name="FlaggedGiven">Per class: rows given the class whose membership of it is flagged.</param>
/// <param name="FlaggedNotGiven">Per class: rows not given the class whose membership of it is flagged.</param>
public sealed record MultiLabelIssueCounts(long IssueRows, long[] FlaggedGiven, long[] FlaggedNotGiven);
