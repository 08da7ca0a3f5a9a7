namespace SparkCleanlab.Core.MultiLabel;

/// <summary>Where stage 4 writes the verdicts of a batch's rows; spans of rows, and of rows x K for the per-class values.</summary>
internal readonly ref struct MultiLabelVerdicts
{
    /// <summary>Wraps the output spans.</summary>
    public MultiLabelVerdicts(Span<bool> isIssue, Span<bool> isClassIssue, Span<double> labelQuality, Span<double> classLabelQuality, Span<double> rankingScore)
    {
        IsIssue = isIssue;
        IsClassIssue = isClassIssue;
        LabelQuality = labelQuality;
        ClassLabelQuality = classLabelQuality;
        RankingScore = rankingScore;
    }

    /// <summary>Per row: flagged as having a label issue.</summary>
    public Span<bool> IsIssue { get; }

    /// <summary>Per row and class: the class's membership is flagged.</summary>
    public Span<bool> IsClassIssue { get; }

    /// <summary>Per row: the aggregated label quality score.</summary>
    public Span<double> LabelQuality { get; }

    /// <summary>Per row and class: the class's label quality score.</summary>
    public Span<double> ClassLabelQuality { get; }

    /// <summary>Per row: the score the issues are ranked by.</summary>
    public Span<double> RankingScore { get; }
}
