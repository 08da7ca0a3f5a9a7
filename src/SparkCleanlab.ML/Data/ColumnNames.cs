namespace SparkCleanlab.ML.Data;

/// <summary>Names of the columns built internally; the reserved prefix keeps them apart from users' feature columns.</summary>
internal static class ColumnNames
{
    public const string Label = FeatureColumn.ReservedPrefix + "label";
    public const string Weight = FeatureColumn.ReservedPrefix + "weight";
    public const string Features = FeatureColumn.ReservedPrefix + "features";
    public const string Score = "Score";

    /// <summary>The output of featurising input column <paramref name="index"/> (one-hot or text n-grams).</summary>
    public static string Featurized(int index) => FeatureColumn.ReservedPrefix + "f" + index;
}
