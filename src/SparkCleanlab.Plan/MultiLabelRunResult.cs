using SparkCleanlab.Core.MultiLabel;

namespace SparkCleanlab.Plan;

/// <summary>What a multi-label run did: row counts, each class's estimates, the health tables and how it ran.</summary>
public sealed record MultiLabelRunResult
{
    /// <summary>The engine that ran.</summary>
    public required string Engine { get; init; }

    /// <summary>The published output folder.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Rows read.</summary>
    public required long InputRows { get; init; }

    /// <summary>Rows quarantined or refused by validation.</summary>
    public required long InvalidRows { get; init; }

    /// <summary>Rows flagged.</summary>
    public required long IssueRows { get; init; }

    /// <summary>Valid rows that were not flagged.</summary>
    public long CleanedRows => InputRows - InvalidRows - IssueRows;

    /// <summary>Class display names in index order.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>Each class's one-vs-rest estimates.</summary>
    public required MultiLabelEstimates Estimates { get; init; }

    /// <summary>Flagged memberships per class, given and not given.</summary>
    public required MultiLabelIssueCounts Counts { get; init; }

    /// <summary>The dataset-level tables over this run's issues.</summary>
    public required MultiLabelDatasetHealth Health { get; init; }

    /// <summary>Selection passes run.</summary>
    public required int SelectionRounds { get; init; }

    /// <summary>Partitions read per pass, when known.</summary>
    public int? Partitions { get; init; }

    /// <summary>Worker threads, when known.</summary>
    public int? Threads { get; init; }

    /// <summary>The most input batches alive at once, when known.</summary>
    public int? PeakLiveBatches { get; init; }

    /// <summary>Elapsed time per stage.</summary>
    public required StageTimings Timings { get; init; }
}
