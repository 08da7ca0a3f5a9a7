namespace SparkCleanlab.ML.OutOfFold;

/// <summary>How out-of-fold predictions are made.</summary>
public sealed record OutOfFoldOptions
{
    /// <summary>The number of stratified folds (the reference's cv_n_folds).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the fold split and every fold's ML.NET context: the same seed gives the same probabilities.</summary>
    public int Seed { get; init; }

    /// <summary>At most this many folds train at once; memory may allow fewer.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Bytes training may use; null means half of the memory available to this process.</summary>
    public long? MemoryBudgetBytes { get; init; }

    /// <summary>Told when training starts and as each fold's model (and CleanLearning's final model) is fitted; null for silence.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }
}
