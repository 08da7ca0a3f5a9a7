using Microsoft.ML;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Training;

/// <summary>A fitted model and the plain trainer that made it (a cross-validated trainer's choice).</summary>
/// <param name="Model">Featurisation plus the trained model.</param>
/// <param name="Trainer">The trainer fitted.</param>
internal sealed record FittedModel(ITransformer Model, MulticlassTrainer Trainer);
