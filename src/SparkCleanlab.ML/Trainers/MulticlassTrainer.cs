using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace SparkCleanlab.ML.Trainers;

/// <summary>
/// An ML.NET multiclass trainer, created afresh for every fold and for the final model. The
/// built-in choices train single-threaded with a fixed seed, so the same seed gives the same
/// probabilities: multi-threaded L-BFGS gradients and SDCA updates sum in a racy order.
/// </summary>
public sealed class MulticlassTrainer
{
    private readonly Func<MLContext, TrainerColumns, IEstimator<ITransformer>> _create;

    private MulticlassTrainer(string name, bool standardizeFeatures, Func<MLContext, TrainerColumns, IEstimator<ITransformer>> create)
    {
        Name = name;
        StandardizeFeatures = standardizeFeatures;
        _create = create;
    }

    /// <summary>A short name for reports and the saved model's class info.</summary>
    public string Name { get; }

    /// <summary>Whether numeric and vector features are standardised (zero mean, unit variance) before training.</summary>
    public bool StandardizeFeatures { get; }

    /// <summary>
    /// Multinomial logistic regression trained with L-BFGS (the default, and the analogue of the
    /// reference's sklearn LogisticRegression: L2 penalty, no L1, standardised features).
    /// </summary>
    /// <param name="l2Regularization">L2 penalty weight.</param>
    /// <param name="l1Regularization">L1 penalty weight.</param>
    /// <param name="standardizeFeatures">False trains on the features as they are (named "lbfgs-raw"), as the reference's own examples do.</param>
    public static MulticlassTrainer LbfgsMaximumEntropy(float l2Regularization = 1f, float l1Regularization = 0f, bool standardizeFeatures = true) =>
        new(standardizeFeatures ? "lbfgs" : "lbfgs-raw", standardizeFeatures, (ml, c) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = c.Label,
                FeatureColumnName = c.Features,
                ExampleWeightColumnName = c.Weight,
                L2Regularization = l2Regularization,
                L1Regularization = l1Regularization,
                NumberOfThreads = 1,
            }));

    /// <summary>Multinomial logistic regression trained with stochastic dual coordinate ascent.</summary>
    public static MulticlassTrainer SdcaMaximumEntropy() =>
        new("sdca", true, (ml, c) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = c.Label,
                FeatureColumnName = c.Features,
                ExampleWeightColumnName = c.Weight,
                NumberOfThreads = 1,
            }));

    /// <summary>Gradient-boosted trees with LightGBM's multiclass softmax objective.</summary>
    /// <param name="numberOfIterations">Boosting rounds.</param>
    public static MulticlassTrainer LightGbm(int numberOfIterations = 100) =>
        new("lightgbm", false, (ml, c) => ml.MulticlassClassification.Trainers.LightGbm(
            new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = c.Label,
                FeatureColumnName = c.Features,
                ExampleWeightColumnName = c.Weight,
                NumberOfIterations = numberOfIterations,
                NumberOfThreads = 1,
                Seed = 1,
                Silent = true,
            }));

    /// <summary>FastTree binary boosted trees, one per class against the rest, with calibrated probabilities.</summary>
    /// <param name="numberOfTrees">Trees per binary model.</param>
    public static MulticlassTrainer FastTreeOneVersusAll(int numberOfTrees = 100) =>
        new("fasttree-ova", false, (ml, c) => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = c.Label,
                FeatureColumnName = c.Features,
                ExampleWeightColumnName = c.Weight,
                NumberOfTrees = numberOfTrees,
                NumberOfThreads = 1,
            }),
            labelColumnName: c.Label));

    /// <summary>
    /// Any ML.NET multiclass trainer: <paramref name="create"/> must read the given columns and
    /// produce a multiclass <c>Score</c> column of K probabilities. Set it single-threaded if
    /// results must be reproducible.
    /// </summary>
    /// <param name="name">A short name for reports.</param>
    /// <param name="standardizeFeatures">Whether numeric and vector features are standardised first.</param>
    /// <param name="create">Builds the trainer for one fit.</param>
    public static MulticlassTrainer Custom(string name, bool standardizeFeatures, Func<MLContext, TrainerColumns, IEstimator<ITransformer>> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        return new MulticlassTrainer(name, standardizeFeatures, create);
    }

    /// <summary>The built-in trainer with this command-line name: lbfgs, sdca, lightgbm or fasttree-ova.</summary>
    /// <param name="name">The name, case-insensitive.</param>
    public static MulticlassTrainer Parse(string name) => name.ToLowerInvariant() switch
    {
        "lbfgs" => LbfgsMaximumEntropy(),
        "sdca" => SdcaMaximumEntropy(),
        "lightgbm" => LightGbm(),
        "fasttree-ova" or "fasttree" => FastTreeOneVersusAll(),
        _ => throw new ArgumentException($"Unknown trainer '{name}'; choose lbfgs, sdca, lightgbm or fasttree-ova.", nameof(name)),
    };

    internal IEstimator<ITransformer> Create(MLContext ml, TrainerColumns columns) => _create(ml, columns);
}
