using Microsoft.ML;
using SparkCleanlab.Core;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Trainers;
using SparkCleanlab.ML.Training;

namespace SparkCleanlab.ML.CleanLearning;

/// <summary>
/// Learning with noisy labels around any ML.NET multiclass trainer (the reference's
/// CleanLearning): out-of-fold probabilities, confident learning to find label issues, prune
/// them, and retrain on the kept rows weighted per class by the estimated noise matrix.
/// </summary>
public sealed class CleanLearner
{
    /// <summary>The <see cref="TrainingProgress.Step"/> of the final fit on the kept rows.</summary>
    public const string FinalModelStep = "final model";

    private readonly MulticlassTrainer _trainer;
    private readonly CleanLearningOptions _options;

    /// <summary>Wraps <paramref name="trainer"/>.</summary>
    /// <param name="trainer">The trainer for the folds and the final model; null means L-BFGS logistic regression.</param>
    /// <param name="options">Folds, seed, issue-finding options; null means the defaults.</param>
    public CleanLearner(MulticlassTrainer? trainer = null, CleanLearningOptions? options = null)
    {
        _trainer = trainer ?? MulticlassTrainer.LbfgsMaximumEntropy();
        _options = options ?? new CleanLearningOptions();
    }

    /// <summary>Finds label issues, prunes them and trains the final model on the rest.</summary>
    /// <param name="features">The training features.</param>
    /// <param name="labels">The given, possibly noisy, class index 0..K-1 per row.</param>
    /// <param name="classCount">K; null means the largest label + 1.</param>
    /// <param name="outOfFoldProbabilities">Row-major N x K out-of-fold probabilities from elsewhere, to skip cross-validation; null computes them.</param>
    public CleanLearningModel Fit(FeatureTable features, int[] labels, int? classCount = null, double[]? outOfFoldProbabilities = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        int k = classCount ?? (labels.Length == 0 ? 0 : labels.Max() + 1);
        if (_options.ClassNames is { } names && names.Count != k)
        {
            throw new ArgumentException($"{names.Count} class names were given for {k} classes.", nameof(classCount));
        }

        OutOfFoldPredictions outOfFold = outOfFoldProbabilities is null
            ? new OutOfFoldPredictor(_trainer, _options.OutOfFold).Predict(features, labels, k)
            : Given(outOfFoldProbabilities, labels.Length, k);
        LabelIssueReport report = ConfidentLearning.FindLabelIssues(labels, outOfFold.Probabilities, k, _options.LabelIssues);
        double[,] noiseMatrix = report.Estimates.Latent().NoiseMatrix;
        double[] classWeights = _options.UseNoiseMatrixSampleWeights ? ClassWeights.FromNoiseMatrix(noiseMatrix) : ClassWeights.Uniform(k);

        int[] kept = Enumerable.Range(0, labels.Length).Where(row => !report.IsLabelIssue[row]).ToArray();
        float[] weights = labels.Select(label => (float)classWeights[label]).ToArray();
        var ml = new MLContext(_options.OutOfFold.Seed);
        _options.OutOfFold.Progress?.Report(new TrainingProgress(FinalModelStep, 0, 1));
        FittedModel fitted = ModelFitting.Fit(ml, _trainer, features, new TrainingRows(kept, labels, weights, k), _options.OutOfFold.Seed);
        _options.OutOfFold.Progress?.Report(new TrainingProgress(FinalModelStep, 1, 1));

        var info = new ModelInfo(k, TrainerName(fitted), features.Schema.Columns, _options.ClassNames, classWeights);
        return new CleanLearningModel(ml, fitted.Model, info, new LabelIssueFindings(outOfFold, report, noiseMatrix, classWeights));
    }

    /// <summary>
    /// The baseline to compare with: the same trainer on all rows and their given labels, with
    /// no pruning and no weights (the reference's plain <c>clf.fit</c>). Its model has no findings.
    /// </summary>
    /// <param name="features">The training features.</param>
    /// <param name="labels">The given class index 0..K-1 per row.</param>
    /// <param name="classCount">K; null means the largest label + 1.</param>
    public CleanLearningModel FitWithoutCleaning(FeatureTable features, int[] labels, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        int k = classCount ?? (labels.Length == 0 ? 0 : labels.Max() + 1);
        LabelCheck.Validate(labels, features.RowCount, k, _options.OutOfFold.Folds);
        int[] all = Enumerable.Range(0, labels.Length).ToArray();
        var ml = new MLContext(_options.OutOfFold.Seed);
        FittedModel fitted = ModelFitting.Fit(ml, _trainer, features, new TrainingRows(all, labels, null, k), _options.OutOfFold.Seed);
        var info = new ModelInfo(k, TrainerName(fitted), features.Schema.Columns, _options.ClassNames, ClassWeights.Uniform(k));
        return new CleanLearningModel(ml, fitted.Model, info, null);
    }

    // A cross-validated trainer's model is named with its choice, e.g. "lbfgs-cv: lbfgs l2=10".
    private string TrainerName(FittedModel fitted) =>
        ReferenceEquals(fitted.Trainer, _trainer) ? _trainer.Name : $"{_trainer.Name}: {fitted.Trainer.Name}";

    private static OutOfFoldPredictions Given(double[] probabilities, int rowCount, int classCount)
    {
        if (probabilities.Length != rowCount * classCount)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities were given for {rowCount} rows x {classCount} classes.", nameof(probabilities));
        }

        // No fold made these probabilities; -1 says so rather than pretending fold 0 did.
        return new OutOfFoldPredictions(probabilities, classCount, Enumerable.Repeat(-1, rowCount).ToArray());
    }
}
