namespace SparkCleanlab.CommandLine;

/// <summary>
/// How <c>find-issues --train</c> computes out-of-fold probabilities from feature columns, to use in place of a
/// probability column. Only the local engine trains; data too large for one machine needs upstream predictions.
/// </summary>
public sealed record TrainSettings
{
    /// <summary>The ML.NET multiclass trainer's command-line name (lbfgs, lbfgs-cv, sdca, lightgbm, fasttree-ova).</summary>
    public string Trainer { get; init; } = "lbfgs";

    /// <summary>Stratified cross-validation folds.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the folds and every model: the same seed gives the same probabilities.</summary>
    public int Seed { get; init; }

    /// <summary>Numeric or numeric-list feature columns; null takes every such column but the label, the id and probability columns.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Columns one-hot encoded as categories.</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>String columns featurised as text n-grams.</summary>
    public IReadOnlyList<string> Text { get; init; } = [];

    /// <summary>Also write the out-of-fold probabilities to every output, as columns <c>p_0..p_{K-1}</c>.</summary>
    public bool WriteProbabilities { get; init; }
}
