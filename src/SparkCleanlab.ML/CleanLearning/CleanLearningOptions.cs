using SparkCleanlab.Core.Filtering;
using SparkCleanlab.ML.OutOfFold;

namespace SparkCleanlab.ML.CleanLearning;

/// <summary>How <see cref="CleanLearner"/> finds issues and retrains.</summary>
public sealed record CleanLearningOptions
{
    /// <summary>Folds, seed, parallelism and memory of the out-of-fold step; the seed also seeds the final model.</summary>
    public OutOfFoldOptions OutOfFold { get; init; } = new();

    /// <summary>
    /// How issues are found. The reference's CleanLearning defaults min_examples_per_class to
    /// 10 (not find_label_issues' 1), so pruning never leaves a class nearly empty. The reference
    /// keeps that 10 when other settings are given; here a fresh <see cref="LabelIssueOptions"/>
    /// starts from 1, so change settings with <c>new CleanLearningOptions().LabelIssues with { ... }</c>.
    /// </summary>
    public LabelIssueOptions LabelIssues { get; init; } = new() { MinExamplesPerClass = 10 };

    /// <summary>
    /// Weight kept rows of class k by 1 / P(given=k | true=k) in the final fit, as the reference
    /// does: pruning removes more rows from noisier classes, and the weights restore the prior.
    /// </summary>
    public bool UseNoiseMatrixSampleWeights { get; init; } = true;

    /// <summary>Optional class names, index k naming class k; saved with the model.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}
