using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Plan.Reporting.MultiLabel;

/// <summary>
/// <c>summary.json</c> of a multi-label run: the parameters, the row counts, a per-class table
/// (rows with and without the class, flagged memberships, quality), the reference's
/// common_multilabel_issues, rank_classes_by_multilabel_quality and overall health score, and
/// each class's binary thresholds and calibrated 2 x 2 confident joint.
/// </summary>
internal static class MultiLabelSummaryDocument
{
    /// <summary>The summary as a JSON-ready tree (serialize it with <see cref="SummaryDocument.Serialize"/>).</summary>
    public static object Build(MultiLabelRunResult run, FindIssuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var e = run.Estimates;
        var n = (double)e.RowCount;
        var joint = e.CalibratedConfidentJoint();
        return new
        {
            run.Engine,
            MultiLabel = true,
            Parameters = RunParameters.Of(request, run.Threads),
            Input = run.Fingerprint,
            RequestHash = RequestFingerprint.Of(request),
            Rows = SummaryDocument.RowCounts(run),
            ClassCount = e.ClassCount,
            ClassNames = run.ClassNames,
            Classes = Enumerable.Range(0, e.ClassCount).Select(k => new
            {
                Class = run.ClassNames[k],
                ClassIndex = k,
                RowsWithClass = e[k].LabelCounts[1],
                RowsWithoutClass = e[k].LabelCounts[0],
                LabelIssues = run.Counts.FlaggedGiven[k],
                InverseLabelIssues = run.Counts.FlaggedNotGiven[k],
                LabelQualityScore = 1 - (run.Counts.FlaggedGiven[k] / n),
                Thresholds = e[k].Thresholds.ToArray(),
                ConfidentJoint = new[] { new[] { joint[k, 0, 0], joint[k, 0, 1] }, new[] { joint[k, 1, 0], joint[k, 1, 1] } },
            }).ToArray(),
            Health = new
            {
                OverallMultilabelHealthScore = run.Health.OverallHealthScore,
                CommonMultilabelIssues = run.Health.CommonIssues.Select(i => new
                {
                    Class = run.ClassNames[i.ClassIndex],
                    i.ClassIndex,
                    i.InGivenLabel,
                    i.InSuggestedLabel,
                    i.NumExamples,
                    i.IssueProbability,
                }).ToArray(),
                RankClassesByMultilabelQuality = run.Health.ClassesByLabelQuality.Select(q => new
                {
                    Class = run.ClassNames[q.ClassIndex],
                    q.ClassIndex,
                    q.LabelIssues,
                    q.InverseLabelIssues,
                    q.LabelNoise,
                    q.InverseLabelNoise,
                    q.LabelQualityScore,
                }).ToArray(),
            },
            NumLabelIssues = new { ConfidentLearning = e.RowsWithConfidentIssue, Flagged = run.IssueRows },
            run.SelectionRounds,
            run.Partitions,
            run.PeakLiveBatches,
            TimingsSeconds = SummaryDocument.TimingsSeconds(run),
        };
    }
}
