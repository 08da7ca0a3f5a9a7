namespace SparkCleanlab.Core.MultiLabel;

/// <summary>One row of the reference's rank_classes_by_multilabel_quality table.</summary>
/// <param name="ClassIndex">The class.</param>
/// <param name="LabelIssues">Rows given the class whose membership is flagged, as the reference rebuilds it: (long)(LabelNoise * n).</param>
/// <param name="InverseLabelIssues">Rows not given the class whose membership is flagged: (long)(InverseLabelNoise * n).</param>
/// <param name="LabelNoise">The issue probability of the class's rows given it.</param>
/// <param name="InverseLabelNoise">The issue probability of the class's rows not given it.</param>
/// <param name="LabelQualityScore">1 - LabelNoise.</param>
public sealed record MultiLabelClassQuality(int ClassIndex, long LabelIssues, long InverseLabelIssues, double LabelNoise, double InverseLabelNoise, double LabelQualityScore);
