namespace SparkCleanlab.ML.Trainers;

/// <summary>The column names a trainer reads, and the number of classes it fits; pass them to the ML.NET trainer's options.</summary>
/// <param name="Label">The label column: a key type whose value k + 1 is class k.</param>
/// <param name="Features">The featurised float vector column.</param>
/// <param name="Weight">The per-row weight column, or null when training is unweighted.</param>
/// <param name="ClassCount">K, the number of classes of this fit.</param>
public sealed record TrainerColumns(string Label, string Features, string? Weight, int ClassCount);
