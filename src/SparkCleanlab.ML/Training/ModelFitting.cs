using Microsoft.ML;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Featurization;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Training;

/// <summary>Fits featurisation plus a trainer on chosen table rows: the one training step shared by every fold and the final model.</summary>
internal static class ModelFitting
{
    /// <summary>
    /// Fits <paramref name="trainer"/>, or for a cross-validated trainer the candidate it chooses
    /// on these rows (seeded by <paramref name="seed"/>).
    /// </summary>
    public static FittedModel Fit(MLContext ml, MulticlassTrainer trainer, FeatureTable table, TrainingRows rows, int seed)
    {
        MulticlassTrainer chosen = CandidateSelection.Choose(ml, trainer, table, rows, seed);
        return new FittedModel(FitPlain(ml, chosen, table, rows), chosen);
    }

    /// <summary>Fits a trainer that has no candidates to choose from.</summary>
    public static ITransformer FitPlain(MLContext ml, MulticlassTrainer trainer, FeatureTable table, TrainingRows rows)
    {
        var columns = new TrainerColumns(ColumnNames.Label, ColumnNames.Features, rows.Weights is null ? null : ColumnNames.Weight);
        IEstimator<ITransformer> pipeline = FeaturePipeline.Build(ml, table.Schema, trainer.StandardizeFeatures)
            .AppendCacheCheckpoint(ml)
            .Append(trainer.Create(ml, columns));
        return pipeline.Fit(new FeatureTableDataView(table, rows));
    }
}
