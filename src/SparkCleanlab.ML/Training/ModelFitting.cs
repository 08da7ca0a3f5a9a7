using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Featurization;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Training;

/// <summary>
/// Fits featurisation plus a trainer on chosen table rows: the one training step shared by every
/// fold, the final model and a cross-validated trainer's candidates.
/// </summary>
internal static class ModelFitting
{
    /// <summary>
    /// Fits <paramref name="trainer"/>, or for a cross-validated trainer the candidate it chooses
    /// on these rows (seeded by <paramref name="seed"/>).
    /// </summary>
    public static FittedModel Fit(MLContext ml, MulticlassTrainer trainer, FeatureTable table, TrainingRows rows, int seed)
    {
        MulticlassTrainer chosen = CandidateSelection.Choose(ml, trainer, table, rows, seed);
        (ITransformer featurizer, IDataView features) = Featurize(ml, chosen.StandardizeFeatures, table, rows);
        return new FittedModel(FitOnFeatures(ml, chosen, featurizer, features, rows, warmStart: null).Model, chosen);
    }

    /// <summary>
    /// Fits featurisation once on <paramref name="rows"/> and returns it with their featurised,
    /// cached view, so several trainers can fit on the same features (<see cref="FitOnFeatures"/>).
    /// </summary>
    public static (ITransformer Featurizer, IDataView Features) Featurize(MLContext ml, bool standardize, FeatureTable table, TrainingRows rows)
    {
        var view = new FeatureTableDataView(table, rows);
        ITransformer featurizer = FeaturePipeline.Build(ml, table.Schema, standardize).Fit(view);
        return (featurizer, ml.Data.Cache(featurizer.Transform(view)));
    }

    /// <summary>
    /// Fits a plain trainer on features from <see cref="Featurize"/>; the model scores raw table
    /// rows. An L-BFGS maximum-entropy trainer starts from <paramref name="warmStart"/>, the
    /// parameters a previous call returned, when given.
    /// </summary>
    public static (ITransformer Model, MaximumEntropyModelParameters? Parameters) FitOnFeatures(
        MLContext ml, MulticlassTrainer trainer, ITransformer featurizer, IDataView features, TrainingRows rows, MaximumEntropyModelParameters? warmStart)
    {
        IEstimator<ITransformer> estimator = trainer.Create(ml, Columns(rows));
        if (estimator is LbfgsMaximumEntropyMulticlassTrainer lbfgs)
        {
            var fitted = warmStart is null ? lbfgs.Fit(features) : lbfgs.Fit(features, warmStart);
            return (new TransformerChain<ITransformer>(featurizer, fitted), fitted.Model);
        }

        return (new TransformerChain<ITransformer>(featurizer, estimator.Fit(features)), null);
    }

    private static TrainerColumns Columns(TrainingRows rows) =>
        new(ColumnNames.Label, ColumnNames.Features, rows.Weights is null ? null : ColumnNames.Weight, rows.ClassCount);
}
