using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Health;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Plan;

/// <summary>What a finished find-issues run produced, whichever engine ran it: the source of summary.json and report.html.</summary>
public sealed record RunResult
{
    /// <summary><c>local</c> or <c>spark</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>The committed output folder.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Rows read.</summary>
    public required long InputRows { get; init; }

    /// <summary>Rows quarantined to <c>invalid/</c>.</summary>
    public required long InvalidRows { get; init; }

    /// <summary>Rows written to <c>issues/</c>.</summary>
    public required long IssueRows { get; init; }

    /// <summary>Rows written to <c>cleaned/</c>.</summary>
    public long CleanedRows => InputRows - InvalidRows - IssueRows;

    /// <summary>Class names in index order (numbers when unnamed).</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>The driver's estimates.</summary>
    public required NoiseEstimates Estimates { get; init; }

    /// <summary>The dataset health tables.</summary>
    public required DatasetHealth Health { get; init; }

    /// <summary>Histogram rounds of the exact selection.</summary>
    public required int SelectionRounds { get; init; }

    /// <summary>Partitions (row groups) processed, when the engine knows them.</summary>
    public int? Partitions { get; init; }

    /// <summary>The most input batches alive at once (at most the thread count), for the local engine.</summary>
    public int? PeakLiveBatches { get; init; }

    /// <summary>Wall time per stage.</summary>
    public required StageTimings Timings { get; init; }

    /// <summary>The input's identity, where the engine can read file sizes and times.</summary>
    internal InputFingerprint? Fingerprint { get; init; }

    /// <summary>The model trained for the probabilities, when the run trained one.</summary>
    public TrainingInfo? Training { get; init; }

    /// <summary>The worst flagged rows, worst first, when the engine collected them.</summary>
    internal IReadOnlyList<WorstIssue>? WorstIssues { get; init; }
}
