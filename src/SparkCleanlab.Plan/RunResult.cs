using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Health;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Plan;

/// <summary>What a finished find-issues run produced, whichever engine ran it: the source of summary.json and report.html.</summary>
public sealed record RunResult : RunOutcome
{
    /// <summary>The driver's estimates.</summary>
    public required NoiseEstimates Estimates { get; init; }

    /// <summary>The dataset health tables.</summary>
    public required DatasetHealth Health { get; init; }

    /// <summary>The model trained for the probabilities, when the run trained one.</summary>
    public TrainingInfo? Training { get; init; }

    /// <summary>The worst flagged rows, worst first, when the engine collected them.</summary>
    internal IReadOnlyList<WorstIssue>? WorstIssues { get; init; }
}
