using Microsoft.ML;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.ML.Trainers;
using SparkCleanlab.ML.Training;

namespace SparkCleanlab.ML.OutOfFold;

/// <summary>
/// Out-of-fold predicted probabilities by stratified K-fold cross-validation (the reference's
/// estimate_confident_joint_and_cv_pred_proba): every row is predicted exactly once, by the
/// model of the fold that held it out. Folds train in parallel as far as memory allows.
/// </summary>
internal sealed class OutOfFoldPredictor
{
    /// <summary>The <see cref="TrainingProgress.Step"/> of the fold models.</summary>
    public const string ProgressStep = "out-of-fold";

    private readonly MulticlassTrainer _trainer;
    private readonly OutOfFoldOptions _options;

    /// <summary>Creates a predictor.</summary>
    /// <param name="trainer">The trainer; null means <see cref="MulticlassTrainer.LbfgsMaximumEntropy"/>.</param>
    /// <param name="options">Folds, seed, parallelism, memory; null means the defaults.</param>
    public OutOfFoldPredictor(MulticlassTrainer? trainer = null, OutOfFoldOptions? options = null)
    {
        _trainer = trainer ?? MulticlassTrainer.LbfgsMaximumEntropy();
        _options = options ?? new OutOfFoldOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Folds, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxDegreeOfParallelism, 1, nameof(options));
    }

    /// <summary>Trains one model per fold and predicts each row with the model that did not see it.</summary>
    /// <param name="features">The feature table.</param>
    /// <param name="labels">The given (possibly noisy) class index 0..K-1 per row.</param>
    /// <param name="classCount">K; every class needs at least one row.</param>
    /// <exception cref="InsufficientClassDataException">A class has no rows, or the trainer failed on a small class.</exception>
    /// <exception cref="DataTooLargeException">The features will not fit this machine's memory.</exception>
    public OutOfFoldPredictions Predict(FeatureTable features, ReadOnlySpan<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        int[] labelArray = LabelCheck.Validate(labels, features.RowCount, classCount, _options.Folds);
        int[] foldOfRow = StratifiedFolds.Assign(labelArray, classCount, _options.Folds, _options.Seed);
        FoldPlan[] plans = FoldPlan.Build(labelArray, classCount, foldOfRow, _options.Folds);
        int parallelism = Parallelism(features, plans.Max(p => p.TrainingRows.Length));

        var probabilities = new double[features.RowCount * classCount];
        var foldTrainers = new string[plans.Length];
        int foldsDone = 0;
        _options.Progress?.Report(new TrainingProgress(ProgressStep, 0, plans.Length));
        try
        {
            Parallel.ForEach(plans, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, plan =>
            {
                foldTrainers[plan.Fold] = PredictFold(plan, features, labelArray, classCount, probabilities);
                _options.Progress?.Report(new TrainingProgress(ProgressStep, Interlocked.Increment(ref foldsDone), plans.Length));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the lowest-numbered fold's failure, so the same data gives the same message.
            throw e.InnerExceptions.OfType<FoldFailure>().OrderBy(f => f.Fold).Select(f => f.InnerException!).FirstOrDefault()
                ?? e.InnerExceptions[0];
        }

        return new OutOfFoldPredictions(probabilities, classCount, foldOfRow) { FoldTrainers = foldTrainers };
    }

    private int Parallelism(FeatureTable features, int trainingRows)
    {
        long perFold = MemoryEstimate.BytesPerFold(features, trainingRows);
        long budget = _options.MemoryBudgetBytes ?? MemoryEstimate.DefaultBudget();
        if (perFold > budget)
        {
            throw new DataTooLargeException(perFold, budget);
        }

        long fitting = perFold == 0 ? _options.Folds : budget / perFold;
        return (int)Math.Clamp(fitting, 1, Math.Min(_options.MaxDegreeOfParallelism, _options.Folds));
    }

    // Returns the name of the trainer the fold fitted (a cross-validated trainer's choice).
    private string PredictFold(FoldPlan plan, FeatureTable features, int[] labels, int classCount, double[] probabilities)
    {
        // One context per fold, seeded by fold: MLContext is not thread-safe, and a per-fold seed
        // keeps results independent of which fold a thread happens to run first.
        var ml = new MLContext(_options.Seed + plan.Fold);
        FittedModel fitted;
        try
        {
            fitted = ModelFitting.Fit(ml, _trainer, features, new TrainingRows(plan.TrainingRows, labels, null, classCount), _options.Seed + plan.Fold);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FoldFailure(plan.Fold, SmallClassError.From(e, _trainer.Name, plan, labels, classCount));
        }

        ProbabilityReader.Read(fitted.Model, features, plan.HoldoutRows, classCount, probabilities);
        foreach (int row in plan.BorrowedRows)
        {
            Span<double> dummy = probabilities.AsSpan(row * classCount, classCount);
            dummy.Clear();
            dummy[labels[row]] = 1.0;
        }

        return fitted.Trainer.Name;
    }

    /// <summary>Carries a fold's error and number out of <see cref="Parallel"/>.</summary>
    private sealed class FoldFailure(int fold, Exception inner) : Exception(inner.Message, inner)
    {
        public int Fold { get; } = fold;
    }
}
