namespace SparkCleanlab.Core.Health;

/// <summary>One row of the reference's rank_classes_by_label_quality table.</summary>
/// <param name="ClassIndex">The class.</param>
/// <param name="LabelIssues">Rows given this class whose true class is another: round(n * p(given = k, true != k)).</param>
/// <param name="InverseLabelIssues">Rows truly of this class given another: round(n * p(true = k, given != k)).</param>
/// <param name="LabelNoise">p(true != k | given = k).</param>
/// <param name="InverseLabelNoise">p(given != k | true = k).</param>
/// <param name="LabelQualityScore">p(true = k | given = k) = 1 - LabelNoise.</param>
public sealed record ClassQuality(int ClassIndex, long LabelIssues, long InverseLabelIssues, double LabelNoise, double InverseLabelNoise, double LabelQualityScore);
