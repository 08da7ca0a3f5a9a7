namespace SparkCleanlab.ML.Errors;

/// <summary>
/// The features are estimated not to fit this machine's memory for in-process training.
/// Out-of-fold training is a single-machine step; bigger data needs predictions from upstream.
/// </summary>
public sealed class DataTooLargeException : InvalidOperationException
{
    /// <summary>Creates the error from the estimate and the budget.</summary>
    /// <param name="estimatedBytes">Bytes one fold's training is estimated to need.</param>
    /// <param name="budgetBytes">Bytes available for it.</param>
    public DataTooLargeException(long estimatedBytes, long budgetBytes)
        : base(
            $"Training on these features needs about {estimatedBytes / (1 << 20):N0} MiB per fold, more than the {budgetBytes / (1 << 20):N0} MiB this machine can give it. " +
            "Train a model upstream (for example on a sample, or with a distributed trainer), write its out-of-fold predicted probabilities " +
            "as a column, and run find-issues on that column instead of --train.")
    {
        EstimatedBytes = estimatedBytes;
        BudgetBytes = budgetBytes;
    }

    /// <summary>Bytes one fold's training was estimated to need.</summary>
    public long EstimatedBytes { get; }

    /// <summary>Bytes available.</summary>
    public long BudgetBytes { get; }
}
