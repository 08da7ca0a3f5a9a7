using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>The option sets the parity tests run every golden case with, by name; a set is made for the case's class count.</summary>
internal static class ParityOptionSets
{
    public static readonly IReadOnlyDictionary<string, Func<int, LabelIssueOptions>> All = new Dictionary<string, Func<int, LabelIssueOptions>>
    {
        ["default"] = _ => new LabelIssueOptions(),
        ["prune_by_class, normalized_margin"] = _ => new LabelIssueOptions { Method = FilterMethod.PruneByClass, RankBy = RankingMethod.NormalizedMargin },
        ["both, confidence_weighted_entropy"] = _ => new LabelIssueOptions { Method = FilterMethod.Both, RankBy = RankingMethod.ConfidenceWeightedEntropy },
        ["confident_learning, adjusted"] = _ => new LabelIssueOptions { Method = FilterMethod.ConfidentLearning, AdjustPredProbs = true },
        ["predicted_neq_given, adjusted margin"] = _ => new LabelIssueOptions { Method = FilterMethod.PredictedNeqGiven, RankBy = RankingMethod.NormalizedMargin, AdjustPredProbs = true },
        ["low_normalized_margin"] = _ => new LabelIssueOptions { Method = FilterMethod.LowNormalizedMargin },
        ["low_self_confidence, frac_noise 0.5"] = _ => new LabelIssueOptions { Method = FilterMethod.LowSelfConfidence, FracNoise = 0.5 },
        ["num_to_remove_per_class, min_examples 5"] = k => new LabelIssueOptions { NumToRemovePerClass = [.. Enumerable.Range(0, k).Select(j => (long)(j % 3))], MinExamplesPerClass = 5 },
    };

    /// <summary>Every case of <paramref name="names"/> with every option set.</summary>
    public static TheoryData<string, string> Cases(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var name in names)
        {
            foreach (var options in All.Keys)
            {
                data.Add(name, options);
            }
        }

        return data;
    }
}
