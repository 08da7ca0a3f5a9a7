namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// Dataset-level label health of a multi-label dataset (the reference's multilabel_classification
/// dataset module): the overall score, the table of common issues (per class, flagged
/// memberships in and out of the given labels) and the classes ranked by label quality. The
/// reference builds them from the default options' issues; built from another run's issues,
/// they describe that run the same way. Ties come out in the order the reference's pandas sorts
/// give them (<see cref="NumpyArgsort"/>).
/// </summary>
public sealed class MultiLabelDatasetHealth
{
    private MultiLabelDatasetHealth(double overallScore, IReadOnlyList<MultiLabelClassIssue> commonIssues, IReadOnlyList<MultiLabelClassQuality> classes)
    {
        OverallHealthScore = overallScore;
        CommonIssues = commonIssues;
        ClassesByLabelQuality = classes;
    }

    /// <summary>1 - (rows with a label issue / n): overall_multilabel_health_score.</summary>
    public double OverallHealthScore { get; }

    /// <summary>Two rows per class, highest issue probability first: common_multilabel_issues.</summary>
    public IReadOnlyList<MultiLabelClassIssue> CommonIssues { get; }

    /// <summary>Classes, lowest label quality first: rank_classes_by_multilabel_quality.</summary>
    public IReadOnlyList<MultiLabelClassQuality> ClassesByLabelQuality { get; }

    /// <summary>The tables from issue counts.</summary>
    /// <param name="flaggedGiven">Per class: rows given the class whose membership of it is flagged.</param>
    /// <param name="flaggedNotGiven">Per class: rows not given the class whose membership of it is flagged.</param>
    /// <param name="flaggedRows">Rows with a label issue.</param>
    /// <param name="rowCount">n.</param>
    public static MultiLabelDatasetHealth From(IReadOnlyList<long> flaggedGiven, IReadOnlyList<long> flaggedNotGiven, long flaggedRows, long rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowCount, 1);
        if (flaggedGiven.Count != flaggedNotGiven.Count)
        {
            throw new ArgumentException("Both counts need one value per class.", nameof(flaggedNotGiven));
        }

        var k = flaggedGiven.Count;
        var n = (double)rowCount;
        var issues = new MultiLabelClassIssue[2 * k];
        for (var c = 0; c < k; c++)
        {
            issues[2 * c] = new MultiLabelClassIssue(c, true, false, flaggedGiven[c], flaggedGiven[c] / n);
            issues[(2 * c) + 1] = new MultiLabelClassIssue(c, false, true, flaggedNotGiven[c], flaggedNotGiven[c] / n);
        }

        var byProbability = NumpyArgsort.DescendingAsPandas(issues.Select(i => i.IssueProbability).ToArray());
        var commonIssues = byProbability.Select(i => issues[i]).ToArray();
        return new MultiLabelDatasetHealth(1.0 - (flaggedRows / n), commonIssues, RankClasses(commonIssues, n));
    }

    // The reference rebuilds each class from the sorted issue table, classes in order of first
    // appearance, counts as int(probability * n), then sorts by quality; ties keep that order
    // as numpy's argsort does.
    private static MultiLabelClassQuality[] RankClasses(MultiLabelClassIssue[] commonIssues, double n)
    {
        var order = new List<int>();
        var noise = new Dictionary<int, double>();
        var inverseNoise = new Dictionary<int, double>();
        foreach (var issue in commonIssues)
        {
            if (!noise.ContainsKey(issue.ClassIndex) && !inverseNoise.ContainsKey(issue.ClassIndex))
            {
                order.Add(issue.ClassIndex);
            }

            (issue.InGivenLabel ? noise : inverseNoise)[issue.ClassIndex] = issue.IssueProbability;
        }

        var classes = order.Select(c => new MultiLabelClassQuality(
            c,
            (long)(noise[c] * n),
            (long)(inverseNoise[c] * n),
            noise[c],
            inverseNoise[c],
            1 - noise[c])).ToArray();
        var byQuality = NumpyArgsort.Ascending(classes.Select(c => c.LabelQualityScore).ToArray());
        return byQuality.Select(i => classes[i]).ToArray();
    }
}
