namespace SparkCleanlab.Parquet.Schema;

/// <summary>How the given label is stored.</summary>
internal enum LabelKind
{
    /// <summary>An integer class index 0..K-1.</summary>
    ClassIndex,

    /// <summary>A class name, mapped to its index through the class list.</summary>
    ClassName,
}
