using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Health;

namespace SparkCleanlab.Core;

/// <summary>The outcome of find-label-issues on rows held in memory.</summary>
public sealed class LabelIssueReport
{
    internal LabelIssueReport(LabelIssueOptions options, NoiseEstimates estimates, bool[] isLabelIssue, double[] labelQuality, int[] suggestedLabel, int[] rankedIssues, int selectionRounds)
    {
        Options = options;
        Estimates = estimates;
        IsLabelIssue = isLabelIssue;
        LabelQuality = labelQuality;
        SuggestedLabel = suggestedLabel;
        RankedIssues = rankedIssues;
        SelectionRounds = selectionRounds;
        Health = DatasetHealth.From(estimates);
    }

    /// <summary>The options used.</summary>
    public LabelIssueOptions Options { get; }

    /// <summary>Thresholds, confident joint, joint, and the means to get latent estimates.</summary>
    public NoiseEstimates Estimates { get; }

    /// <summary>Per row: flagged as a label issue.</summary>
    public bool[] IsLabelIssue { get; }

    /// <summary>Per row: the label quality score of <see cref="LabelIssueOptions.RankBy"/>.</summary>
    public double[] LabelQuality { get; }

    /// <summary>Per row: the most probable class.</summary>
    public int[] SuggestedLabel { get; }

    /// <summary>Indices of the flagged rows, worst first (lowest score, then lowest index).</summary>
    public int[] RankedIssues { get; }

    /// <summary>Histogram rounds the exact selection needed.</summary>
    public int SelectionRounds { get; }

    /// <summary>Dataset-level health: overall score, classes by label quality, overlapping classes.</summary>
    public DatasetHealth Health { get; }
}
