using SparkCleanlab.ML.Data;

namespace SparkCleanlab.ML.CleanLearning;

/// <summary>The class info saved beside the ML.NET model zip (<c>classes.json</c>).</summary>
/// <param name="ClassCount">K.</param>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Columns">The feature columns the model expects.</param>
/// <param name="ClassNames">Names of classes 0..K-1, if given.</param>
/// <param name="ClassWeights">The per-class sample weights of the final fit.</param>
public sealed record ModelInfo(
    int ClassCount,
    string Trainer,
    IReadOnlyList<FeatureSchemaColumn> Columns,
    IReadOnlyList<string>? ClassNames,
    IReadOnlyList<double> ClassWeights);
