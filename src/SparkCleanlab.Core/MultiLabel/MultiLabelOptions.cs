using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Core.MultiLabel;

/// <summary>
/// The parameters of multi-label find-label-issues, with the reference's defaults
/// (cleanlab.multilabel_classification.filter.find_label_issues and rank.get_label_quality_scores).
/// </summary>
public sealed record MultiLabelOptions
{
    /// <summary>
    /// How issues are chosen. Every method runs per class on the one-vs-rest problem; a row is
    /// an issue when any class is, except for <see cref="FilterMethod.LowSelfConfidence"/> and
    /// <see cref="FilterMethod.LowNormalizedMargin"/>, which (as in the reference, both alike)
    /// take the rows with the lowest aggregated self-confidence, as many as confident_learning
    /// flags. <see cref="FilterMethod.LowSelfConfidenceBatched"/> is not a multi-label method.
    /// </summary>
    public FilterMethod Method { get; init; } = FilterMethod.PruneByNoiseRate;

    /// <summary>Fraction of each class's estimated off-diagonal counts to prune (prune methods only), in (0, 1].</summary>
    public double FracNoise { get; init; } = 1.0;

    /// <summary>
    /// Per class k, an exact number of rows to flag (prune methods only), or null. As in the
    /// reference, class k's binary problem gets [n_k, 0]: n_k of the rows whose labels lack k,
    /// none of those that have it.
    /// </summary>
    public IReadOnlyList<long>? NumToRemovePerClass { get; init; }

    /// <summary>Per class and side (given or not), at most this many rows are never pruned, and each side keeps at least this many.</summary>
    public int MinExamplesPerClass { get; init; } = 1;

    /// <summary>Per-class score behind the label quality and the order of the ranked issues.</summary>
    public RankingMethod RankBy { get; init; } = RankingMethod.SelfConfidence;

    /// <summary>Label quality from probabilities adjusted by each class's binary thresholds (not for confidence-weighted entropy); the ranking never adjusts.</summary>
    public bool AdjustPredProbs { get; init; }

    /// <summary>How the label quality aggregates the per-class scores; the ranking always uses the default.</summary>
    public ScoreAggregator Aggregator { get; init; } = ScoreAggregator.Default;

    /// <summary>True when the row-level issues are the lowest aggregated scores rather than the union of the classes' issues.</summary>
    internal bool SelectsLowestScores => Method is FilterMethod.LowSelfConfidence or FilterMethod.LowNormalizedMargin;

    /// <summary>Throws <see cref="ArgumentException"/> when the options contradict each other, with the reference's reasons.</summary>
    public void Validate(int classCount)
    {
        if (Method == FilterMethod.LowSelfConfidenceBatched)
        {
            throw new ArgumentException("low_self_confidence_batched is not a multi-label filter_by.");
        }

        if (AdjustPredProbs && RankBy == RankingMethod.ConfidenceWeightedEntropy)
        {
            throw new ArgumentException("adjust_pred_probs is not supported with confidence_weighted_entropy scores.");
        }

        ArgumentNullException.ThrowIfNull(Aggregator);
        if (NumToRemovePerClass is { } counts && counts.Count != classCount)
        {
            throw new ArgumentException($"num_to_remove_per_class needs {classCount} values, one per class, got {counts.Count}.");
        }

        for (var k = 0; k < classCount; k++)
        {
            ForClass(k).Validate(OneVsRest.BinaryClassCount);
        }
    }

    /// <summary>
    /// The single-label options of class <paramref name="k"/>'s one-vs-rest problem: the same
    /// method and parameters, and num_to_remove_per_class [n_k, 0].
    /// </summary>
    internal LabelIssueOptions ForClass(int k) => new()
    {
        Method = Method,
        FracNoise = FracNoise,
        MinExamplesPerClass = MinExamplesPerClass,
        NumToRemovePerClass = NumToRemovePerClass is { } counts ? [counts[k], 0] : null,
    };
}
