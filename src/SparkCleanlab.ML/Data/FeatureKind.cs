namespace SparkCleanlab.ML.Data;

/// <summary>How a feature column is turned into numbers before training.</summary>
public enum FeatureKind
{
    /// <summary>One number per row, used as is (then standardised with the others).</summary>
    Numeric,

    /// <summary>A fixed-length array of numbers per row (an embedding, a pixel row).</summary>
    Vector,

    /// <summary>A string category per row, one-hot encoded over the categories seen in training.</summary>
    Categorical,

    /// <summary>Free text per row, featurised into word and character n-gram counts.</summary>
    Text,
}
