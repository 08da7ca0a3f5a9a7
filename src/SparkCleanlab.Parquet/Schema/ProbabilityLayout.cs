namespace SparkCleanlab.Plan;

/// <summary>How the predicted probabilities are stored.</summary>
public enum ProbabilityLayout
{
    /// <summary>One list column of K doubles or floats per row.</summary>
    ListColumn,

    /// <summary>K numeric columns, one per class, in class order.</summary>
    ClassColumns,

    /// <summary>A 2-D <c>pred_probs.npy</c> array beside <c>labels.npy</c>.</summary>
    Npy,

    /// <summary>Held in memory (<see cref="ProvidedProbabilities"/>), not read from the files.</summary>
    Provided,
}
