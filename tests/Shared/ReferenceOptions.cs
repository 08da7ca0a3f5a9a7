using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Tests.Shared;

/// <summary>
/// The reference's option names as the golden cases spell them, mapped to our enums by hand so that a
/// parity test never trusts the production name mapping it might be checking.
/// </summary>
public static class ReferenceOptions
{
    /// <summary><c>filter_by</c> values.</summary>
    public static readonly IReadOnlyDictionary<string, FilterMethod> Methods = new Dictionary<string, FilterMethod>
    {
        ["prune_by_noise_rate"] = FilterMethod.PruneByNoiseRate,
        ["prune_by_class"] = FilterMethod.PruneByClass,
        ["both"] = FilterMethod.Both,
        ["confident_learning"] = FilterMethod.ConfidentLearning,
        ["predicted_neq_given"] = FilterMethod.PredictedNeqGiven,
        ["low_normalized_margin"] = FilterMethod.LowNormalizedMargin,
        ["low_self_confidence"] = FilterMethod.LowSelfConfidence,
    };

    /// <summary><c>rank_by</c> / quality-score <c>method</c> values.</summary>
    public static readonly IReadOnlyDictionary<string, RankingMethod> Rankings = new Dictionary<string, RankingMethod>
    {
        ["self_confidence"] = RankingMethod.SelfConfidence,
        ["normalized_margin"] = RankingMethod.NormalizedMargin,
        ["confidence_weighted_entropy"] = RankingMethod.ConfidenceWeightedEntropy,
    };

    /// <summary><c>estimate_latent</c>'s <c>prior_method</c> values as the golden files name them.</summary>
    public static readonly IReadOnlyDictionary<string, PriorMethod> Priors = new Dictionary<string, PriorMethod>
    {
        ["cnt"] = PriorMethod.Count,
        ["eqn"] = PriorMethod.Equation,
        ["marginal"] = PriorMethod.Marginal,
        ["marginal_ps"] = PriorMethod.MarginalPs,
    };
}
