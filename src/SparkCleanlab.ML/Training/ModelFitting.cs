using Microsoft.ML;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Featurization;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Training;

/// <summary>Fits featurisation plus a trainer on chosen table rows: the one training step shared by every fold and the final model.</summary>
internal static class ModelFitting
{
    public static ITransformer Fit(MLContext ml, MulticlassTrainer trainer, FeatureTable table, TrainingRows rows)
    {
        var columns = new TrainerColumns(ColumnNames.Label, ColumnNames.Features, rows.Weights is null ? null : ColumnNames.Weight);
        IEstimator<ITransformer> pipeline = FeaturePipeline.Build(ml, table.Schema, trainer.StandardizeFeatures)
            .AppendCacheCheckpoint(ml)
            .Append(trainer.Create(ml, columns));
        return pipeline.Fit(new FeatureTableDataView(table, rows));
    }
}
