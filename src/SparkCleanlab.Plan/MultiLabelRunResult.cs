using SparkCleanlab.Core.MultiLabel;

namespace SparkCleanlab.Plan;

/// <summary>What a multi-label run did: row counts, each class's estimates, the health tables and how it ran.</summary>
public sealed record MultiLabelRunResult : RunOutcome
{
    /// <summary>Each class's one-vs-rest estimates.</summary>
    public required MultiLabelEstimates Estimates { get; init; }

    /// <summary>Flagged memberships per class, given and not given.</summary>
    public required MultiLabelIssueCounts Counts { get; init; }

    /// <summary>The dataset-level tables over this run's issues.</summary>
    public required MultiLabelDatasetHealth Health { get; init; }

    /// <summary>Worker threads, when known.</summary>
    public int? Threads { get; init; }
}
