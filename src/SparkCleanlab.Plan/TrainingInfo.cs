namespace SparkCleanlab.Plan;

/// <summary>How the out-of-fold probabilities were made, when the run trained a model itself.</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="FeatureColumns">The input columns the model learned from.</param>
/// <param name="Folds">Cross-validation folds: every row is predicted by a model that never saw it.</param>
/// <param name="Seed">Seed of the fold assignment and the trainer.</param>
public sealed record TrainingInfo(string Trainer, IReadOnlyList<string> FeatureColumns, int Folds, int Seed);
