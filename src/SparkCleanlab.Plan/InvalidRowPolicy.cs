namespace SparkCleanlab.Plan;

/// <summary>What happens to a row that fails validation.</summary>
public enum InvalidRowPolicy
{
    /// <summary>The job stops with an input error naming the file, row and column (default).</summary>
    Fail,

    /// <summary>The row is left out of the computation and written to <c>invalid/</c> with the reason.</summary>
    Quarantine,
}
