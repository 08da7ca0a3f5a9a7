using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Health;
using SparkCleanlab.Local.Summary;

namespace SparkCleanlab.Local;

/// <summary>What a finished run of the embedded engine produced.</summary>
public sealed record LocalRunResult
{
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

    /// <summary>Partitions (row groups) processed.</summary>
    public required int Partitions { get; init; }

    /// <summary>The most input batches alive at once: at most the thread count.</summary>
    public required int PeakLiveBatches { get; init; }

    /// <summary>Wall time per stage.</summary>
    public required StageTimings Timings { get; init; }

    /// <summary>The input's identity.</summary>
    public required InputFingerprint Fingerprint { get; init; }
}
