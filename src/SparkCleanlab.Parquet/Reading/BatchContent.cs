namespace SparkCleanlab.Parquet.Reading;

/// <summary>What a read decodes into a batch.</summary>
internal enum BatchContent
{
    /// <summary>Every column, kept raw for the writers, and the labels and probabilities decoded for the math.</summary>
    AllColumns,

    /// <summary>
    /// Only the label and probability columns, decoded for the math; <see cref="InputBatch.Columns"/> is empty.
    /// The passes that only count and select read this way, so columns the math never looks at are decoded once,
    /// by the pass that writes them.
    /// </summary>
    LabelsAndProbabilities,
}
