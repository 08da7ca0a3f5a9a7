namespace SparkCleanlab.Plan.Reporting;

/// <summary>How the out-of-fold probabilities of a run were computed, when the run trained them itself.</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="FeatureColumns">The feature columns it trained on.</param>
/// <param name="Folds">Cross-validation folds.</param>
/// <param name="Seed">The seed of the fold split and the trainer.</param>
public sealed record TrainingInfo(string Trainer, IReadOnlyList<string> FeatureColumns, int Folds, int Seed);
