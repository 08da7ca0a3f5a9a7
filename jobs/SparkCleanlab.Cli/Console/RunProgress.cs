using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Cli.Console;

/// <summary>Where a run reports its stages (rows done of rows per pass) and its training steps (models fitted).</summary>
public abstract class RunProgress : IProgress<StageProgress>, IProgress<TrainingProgress>
{
    /// <inheritdoc/>
    public abstract void Report(StageProgress value);

    /// <inheritdoc/>
    public abstract void Report(TrainingProgress value);

    /// <summary>Ends the display once the run is done.</summary>
    public abstract void Finish();
}
