namespace SparkCleanlab.Core.Filtering;

/// <summary>How label issues are chosen (the reference's filter_by).</summary>
public enum FilterMethod
{
    /// <summary>For each off-diagonal cell (given k, true j) of the prune counts, the rows labeled k with the largest margin p[j] - p[k] (default).</summary>
    PruneByNoiseRate,

    /// <summary>For each class k, the rows labeled k with the smallest p[k], as many as the class's off-diagonal prune counts.</summary>
    PruneByClass,

    /// <summary>Rows chosen by both <see cref="PruneByNoiseRate"/> and <see cref="PruneByClass"/>.</summary>
    Both,

    /// <summary>The off-diagonal rows of the confident joint.</summary>
    ConfidentLearning,

    /// <summary>Rows whose argmax prediction differs from the given label.</summary>
    PredictedNeqGiven,

    /// <summary>The rows with the lowest normalized margin, as many as num_label_issues finds.</summary>
    LowNormalizedMargin,

    /// <summary>The rows with the lowest self-confidence, as many as num_label_issues finds.</summary>
    LowSelfConfidence,

    /// <summary>
    /// The reference's find_label_issues_batched: the rows with the lowest self-confidence, as many
    /// as rows whose prediction differs from the given label and reaches its class threshold,
    /// then the final un-flagging. The reference's bounded-memory approximation of
    /// <see cref="LowSelfConfidence"/>; here every method is bounded in memory.
    /// </summary>
    LowSelfConfidenceBatched,
}
