using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Core.Filtering;

/// <summary>The parameters of find-label-issues, with the reference's defaults.</summary>
public sealed record LabelIssueOptions
{
    /// <summary>How issues are chosen.</summary>
    public FilterMethod Method { get; init; } = FilterMethod.PruneByNoiseRate;

    /// <summary>Fraction of the estimated off-diagonal counts to prune (prune methods only), in (0, 1].</summary>
    public double FracNoise { get; init; } = 1.0;

    /// <summary>Exact number of rows to remove per given class (prune methods only), or null.</summary>
    public IReadOnlyList<long>? NumToRemovePerClass { get; init; }

    /// <summary>Classes with at most this many rows are never pruned, and each class keeps at least this many rows.</summary>
    public int MinExamplesPerClass { get; init; } = 1;

    /// <summary>Score reported as label_quality and used to order issues worst first.</summary>
    public RankingMethod RankBy { get; init; } = RankingMethod.SelfConfidence;

    /// <summary>Score with probabilities adjusted by the class thresholds (not for confidence-weighted entropy).</summary>
    public bool AdjustPredProbs { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the options contradict each other, with the reference's reasons.</summary>
    public void Validate(int classCount)
    {
        if (!(FracNoise > 0 && FracNoise <= 1))
        {
            throw new ArgumentException($"frac_noise must be in (0, 1], got {FracNoise}.");
        }

        if (MinExamplesPerClass < 0)
        {
            throw new ArgumentException($"min_examples_per_class must be >= 0, got {MinExamplesPerClass}.");
        }

        if (AdjustPredProbs && RankBy == RankingMethod.ConfidenceWeightedEntropy)
        {
            throw new ArgumentException("adjust_pred_probs is not supported with confidence_weighted_entropy ranking.");
        }

        if (NumToRemovePerClass is { } counts)
        {
            if (!IsPruneMethod(Method))
            {
                throw new ArgumentException("num_to_remove_per_class is only supported by prune_by_noise_rate, prune_by_class and both.");
            }

            if (counts.Count != classCount)
            {
                throw new ArgumentException($"num_to_remove_per_class needs {classCount} values, one per class, got {counts.Count}.");
            }

            if (counts.Any(c => c < 0))
            {
                throw new ArgumentException("num_to_remove_per_class values must be >= 0.");
            }
        }
    }

    /// <summary>True for the methods that use prune counts (and frac_noise, num_to_remove_per_class).</summary>
    public static bool IsPruneMethod(FilterMethod method) =>
        method is FilterMethod.PruneByNoiseRate or FilterMethod.PruneByClass or FilterMethod.Both;

    /// <summary>
    /// True for the method that counts issues by confident mispredictions (rows whose confident
    /// guess is another class) rather than by the calibrated joint: the reference's
    /// find_label_issues_batched, which the confident-joint pass must then also count.
    /// </summary>
    /// <param name="method">The filter method.</param>
    public static bool CountsConfidentMispredictions(FilterMethod method) => method == FilterMethod.LowSelfConfidenceBatched;
}
