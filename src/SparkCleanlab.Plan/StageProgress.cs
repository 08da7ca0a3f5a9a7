namespace SparkCleanlab.Plan;

/// <summary>Where a run is: the stage, rows done in this stage's pass and the rows a pass reads.</summary>
/// <param name="Stage">The stage's name (validate, confident-joint, select-1, flag-and-write).</param>
/// <param name="RowsDone">Rows done in this pass.</param>
/// <param name="TotalRows">Rows per pass.</param>
public readonly record struct StageProgress(string Stage, long RowsDone, long TotalRows);
