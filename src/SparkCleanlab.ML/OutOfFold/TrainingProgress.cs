namespace SparkCleanlab.ML.OutOfFold;

/// <summary>How far training is: the step, and the models of that step fitted so far.</summary>
/// <param name="Step">"out-of-fold" (one model per fold) or "final model".</param>
/// <param name="ModelsDone">Models of this step fitted so far.</param>
/// <param name="ModelsTotal">Models this step fits (a cross-validated trainer's choice counts as part of its model).</param>
public readonly record struct TrainingProgress(string Step, int ModelsDone, int ModelsTotal);
