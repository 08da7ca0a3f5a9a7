namespace SparkCleanlab.CommandLine.Parsing;

/// <summary>
/// The value names and help lines of the training options that <c>find-issues --train</c> and
/// <c>train</c> share, written once so the two commands describe them alike.
/// </summary>
public static class TrainingHelp
{
    /// <summary>The accepted <c>--trainer</c> values.</summary>
    public const string TrainerValues = "lbfgs|lbfgs-cv|sdca|lightgbm|fasttree-ova";

    /// <summary><c>--trainer</c>.</summary>
    public const string Trainer = "ML.NET multiclass trainer: lbfgs is logistic regression with L2 = 1, as sklearn's LogisticRegression(C = 1); lbfgs-cv chooses L2 by 3-fold cross-validated log loss at every fit, for small or very noisy data: about 34 fits per fit";

    /// <summary><c>--folds</c>.</summary>
    public const string Folds = "Stratified folds for the out-of-fold probabilities";

    /// <summary><c>--seed</c>.</summary>
    public const string Seed = "Seed of the folds and models";

    /// <summary><c>--features</c>.</summary>
    public const string Features = "Numeric or numeric-list feature columns (default: every such column but the label, id and probability columns).";

    /// <summary><c>--categorical</c>.</summary>
    public const string Categorical = "Columns one-hot encoded as categories.";

    /// <summary><c>--text</c>.</summary>
    public const string Text = "String columns featurised as text n-grams.";
}
