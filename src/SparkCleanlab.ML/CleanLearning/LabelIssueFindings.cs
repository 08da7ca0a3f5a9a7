using SparkCleanlab.Core;
using SparkCleanlab.ML.OutOfFold;

namespace SparkCleanlab.ML.CleanLearning;

/// <summary>What <see cref="CleanLearner.Fit"/> found in the training data (the reference's label_issues_df).</summary>
/// <param name="OutOfFold">The out-of-fold probabilities the issues were found from.</param>
/// <param name="Report">The confident-learning report: per-row flag, label quality and suggested label, ranked issues, noise estimates.</param>
/// <param name="NoiseMatrix">P(given=i | true=j), K x K, as estimated from the calibrated confident joint.</param>
/// <param name="ClassWeights">The sample weight the final fit gave kept rows of each class (all 1 when weights are off).</param>
public sealed record LabelIssueFindings(OutOfFoldPredictions OutOfFold, LabelIssueReport Report, double[,] NoiseMatrix, double[] ClassWeights)
{
    /// <summary>Per row: flagged as a label issue and pruned before the final fit.</summary>
    public bool[] IsLabelIssue => Report.IsLabelIssue;

    /// <summary>Per row: label quality score, lower is more likely mislabelled.</summary>
    public double[] LabelQuality => Report.LabelQuality;

    /// <summary>Indices of the flagged rows, worst first.</summary>
    public int[] RankedIssues => Report.RankedIssues;
}
