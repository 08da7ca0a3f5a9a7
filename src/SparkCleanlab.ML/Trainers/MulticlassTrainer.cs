using System.Globalization;
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

    private MulticlassTrainer(
        string name, bool standardizeFeatures, Func<MLContext, TrainerColumns, IEstimator<ITransformer>> create,
        IReadOnlyList<MulticlassTrainer>? candidates = null, int selectionFolds = 0)
    {
        Name = name;
        StandardizeFeatures = standardizeFeatures;
        _create = create;
        Candidates = candidates;
        SelectionFolds = selectionFolds;
    }

    /// <summary>
    /// The regularisation grid of <see cref="LbfgsMaximumEntropyCrossValidated"/>: L2 from 0.01 to
    /// 1000 in half-decade steps, wide enough that the choice is the data's, not the grid's edge.
    /// </summary>
    public static IReadOnlyList<float> DefaultL2Grid { get; } = [0.01f, 0.03f, 0.1f, 0.3f, 1f, 3f, 10f, 30f, 100f, 300f, 1000f];

    /// <summary>A short name for reports and the saved model's class info.</summary>
    public string Name { get; }

    /// <summary>Whether numeric and vector features are standardised (zero mean, unit variance) before training.</summary>
    public bool StandardizeFeatures { get; }

    /// <summary>
    /// The trainers every fit chooses from by cross-validated log loss on the rows it is given,
    /// or null for a plain trainer (see <see cref="CrossValidated"/>).
    /// </summary>
    public IReadOnlyList<MulticlassTrainer>? Candidates { get; }

    /// <summary>The stratified folds each fit uses to choose among <see cref="Candidates"/>; 0 for a plain trainer.</summary>
    public int SelectionFolds { get; }

    /// <summary>
    /// Multinomial logistic regression trained with L-BFGS (the default, and the analogue of the
    /// reference's sklearn LogisticRegression: L2 penalty, no L1, standardised features).
    /// </summary>
    /// <param name="l2Regularization">
    /// L2 penalty weight, 1 / C in sklearn's terms for any number of classes: with two classes the
    /// penalty ML.NET receives is doubled, because its softmax splits the one weight vector sklearn
    /// fits over two, which halves the penalty's effect.
    /// </param>
    /// <param name="l1Regularization">L1 penalty weight.</param>
    /// <param name="standardizeFeatures">False trains on the features as they are (named "lbfgs-raw"), as the reference's own examples do.</param>
    /// <param name="maximumIterations">
    /// L-BFGS iterations before it stops whether converged or not; the default runs to convergence.
    /// sklearn's LogisticRegression stops at 100.
    /// </param>
    public static MulticlassTrainer LbfgsMaximumEntropy(
        float l2Regularization = 1f, float l1Regularization = 0f, bool standardizeFeatures = true, int maximumIterations = int.MaxValue) =>
        Lbfgs(standardizeFeatures ? "lbfgs" : "lbfgs-raw", l2Regularization, l1Regularization, standardizeFeatures, maximumIterations);

    /// <summary>
    /// Multinomial logistic regression whose L2 penalty every fit chooses for itself, by stratified
    /// cross-validated log loss on its own training rows (sklearn's LogisticRegressionCV). How much
    /// to regularise depends on the data's size and noise: the right penalty for 100 rows with a
    /// third of them mislabelled is far stronger than for 10,000 clean ones. It costs
    /// (candidates x folds + 1) fits per fit.
    /// </summary>
    /// <param name="l2Candidates">The L2 penalties to choose from; null means <see cref="DefaultL2Grid"/>.</param>
    /// <param name="folds">Stratified folds of the choice, at least 2.</param>
    public static MulticlassTrainer LbfgsMaximumEntropyCrossValidated(IReadOnlyList<float>? l2Candidates = null, int folds = 3) =>
        CrossValidated("lbfgs-cv", (l2Candidates ?? DefaultL2Grid)
            .Select(l2 => Lbfgs(string.Create(CultureInfo.InvariantCulture, $"lbfgs l2={l2:g4}"), l2, 0f, true, int.MaxValue)).ToArray(), folds);

    /// <summary>
    /// A trainer that, at every fit, trains each candidate on stratified folds of the rows it is
    /// given, keeps the one with the lowest held-out log loss of the given labels (the first on a
    /// tie), and fits that one on all the rows. Out-of-fold prediction and CleanLearning thereby
    /// choose once per fold and once for the final model, never looking at rows the fit must not see.
    /// </summary>
    /// <param name="name">A short name for reports.</param>
    /// <param name="candidates">Plain trainers to choose from, all standardising features or none.</param>
    /// <param name="folds">Stratified folds of the choice, at least 2.</param>
    public static MulticlassTrainer CrossValidated(string name, IReadOnlyList<MulticlassTrainer> candidates, int folds = 3)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates.Count, 1, nameof(candidates));
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (candidates.Any(c => c.Candidates is not null))
        {
            throw new ArgumentException("A candidate must be a plain trainer, not itself cross-validated.", nameof(candidates));
        }

        bool standardize = candidates[0].StandardizeFeatures;
        if (candidates.Any(c => c.StandardizeFeatures != standardize))
        {
            throw new ArgumentException("Candidates must all standardise features, or none.", nameof(candidates));
        }

        return new MulticlassTrainer(name, standardize, (_, _) => throw new InvalidOperationException(
            $"'{name}' chooses a candidate at every fit; fit the chosen candidate instead."), candidates.ToArray(), folds);
    }

    private static MulticlassTrainer Lbfgs(string name, float l2Regularization, float l1Regularization, bool standardizeFeatures, int maximumIterations) =>
        new(name, standardizeFeatures, (ml, c) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = c.Label,
                FeatureColumnName = c.Features,
                ExampleWeightColumnName = c.Weight,
                L2Regularization = SoftmaxL2(l2Regularization, c.ClassCount),
                L1Regularization = l1Regularization,
                MaximumNumberOfIterations = maximumIterations,
                NumberOfThreads = 1,
            }));

    /// <summary>
    /// The ML.NET penalty that regularises like sklearn's LogisticRegression with C = 1 / <paramref name="l2"/>.
    /// With three or more classes both fit one weight vector per class under the same penalty. With
    /// two, sklearn fits one vector w while ML.NET's softmax fits two whose difference is w; the
    /// penalty is smallest when each is ±w / 2, which halves its effect, so two classes double it.
    /// Checked against sklearn: held-out accuracies on breast_cancer then agree seed by seed.
    /// K is the fit's class count; a fit whose rows hold only two of three or more classes keeps
    /// the single penalty (stratified folds give every fold every class that has enough rows).
    /// </summary>
    internal static float SoftmaxL2(float l2, int classCount) => classCount == 2 ? 2 * l2 : l2;

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

    /// <summary>The built-in trainer with this command-line name: lbfgs, lbfgs-cv, sdca, lightgbm or fasttree-ova.</summary>
    /// <param name="name">The name, case-insensitive.</param>
    public static MulticlassTrainer Parse(string name) => name.ToLowerInvariant() switch
    {
        "lbfgs" => LbfgsMaximumEntropy(),
        "lbfgs-cv" => LbfgsMaximumEntropyCrossValidated(),
        "sdca" => SdcaMaximumEntropy(),
        "lightgbm" => LightGbm(),
        "fasttree-ova" or "fasttree" => FastTreeOneVersusAll(),
        _ => throw new ArgumentException($"Unknown trainer '{name}'; choose lbfgs, lbfgs-cv, sdca, lightgbm or fasttree-ova.", nameof(name)),
    };

    internal IEstimator<ITransformer> Create(MLContext ml, TrainerColumns columns) => _create(ml, columns);
}
