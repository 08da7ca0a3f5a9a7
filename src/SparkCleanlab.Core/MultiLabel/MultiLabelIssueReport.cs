namespace SparkCleanlab.Core.MultiLabel;

/// <summary>The outcome of multi-label find-label-issues on rows held in memory.</summary>
public sealed class MultiLabelIssueReport
{
    internal MultiLabelIssueReport(
        MultiLabelOptions options,
        MultiLabelEstimates estimates,
        bool[] isLabelIssue,
        bool[,] isClassIssue,
        double[] labelQuality,
        double[,] classLabelQuality,
        int[] rankedIssues,
        MultiLabelDatasetHealth health,
        int selectionRounds)
    {
        Options = options;
        Estimates = estimates;
        IsLabelIssue = isLabelIssue;
        IsClassIssue = isClassIssue;
        LabelQuality = labelQuality;
        ClassLabelQuality = classLabelQuality;
        RankedIssues = rankedIssues;
        Health = health;
        SelectionRounds = selectionRounds;
    }

    /// <summary>The options used.</summary>
    public MultiLabelOptions Options { get; }

    /// <summary>Per class: binary thresholds, 2 x 2 confident joint (raw and calibrated) and the rest of the single-label estimates.</summary>
    public MultiLabelEstimates Estimates { get; }

    /// <summary>Per row: flagged as having a label issue for some class (find_label_issues).</summary>
    public bool[] IsLabelIssue { get; }

    /// <summary>[row, class]: the row's membership of the class is flagged (find_multilabel_issues_per_class).</summary>
    public bool[,] IsClassIssue { get; }

    /// <summary>Per row: the aggregated label quality score of <see cref="MultiLabelOptions.RankBy"/> (get_label_quality_scores).</summary>
    public double[] LabelQuality { get; }

    /// <summary>[row, class]: the class's label quality score (get_label_quality_scores_per_class).</summary>
    public double[,] ClassLabelQuality { get; }

    /// <summary>
    /// Indices of the flagged rows, worst first (find_label_issues with return_indices_ranked_by):
    /// by the <see cref="MultiLabelOptions.RankBy"/> scores, unadjusted and aggregated with the
    /// default moving average as the reference ranks; ties by lower index.
    /// </summary>
    public int[] RankedIssues { get; }

    /// <summary>Dataset-level health over this run's issues.</summary>
    public MultiLabelDatasetHealth Health { get; }

    /// <summary>Passes the exact selection needed.</summary>
    public int SelectionRounds { get; }
}
