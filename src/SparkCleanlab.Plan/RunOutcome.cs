using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Plan;

/// <summary>What every finished find-issues run reports, single- or multi-label, whichever engine ran it.</summary>
public abstract record RunOutcome
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

    /// <summary>Histogram rounds of the exact selection.</summary>
    public required int SelectionRounds { get; init; }

    /// <summary>Partitions (row groups) processed, when the engine knows them.</summary>
    public int? Partitions { get; init; }

    /// <summary>The most input batches alive at once (at most the thread count), for the local engine.</summary>
    public int? PeakLiveBatches { get; init; }

    /// <summary>The input's identity, where the engine can read file sizes and times: with the request hash it lets <c>--if-changed</c> skip a rerun.</summary>
    internal InputFingerprint? Fingerprint { get; init; }

    /// <summary>Wall time per stage.</summary>
    public required StageTimings Timings { get; init; }
}
