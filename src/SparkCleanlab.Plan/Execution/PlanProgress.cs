namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// Progress shared by the driver, which begins each stage, and the executor, which counts the
/// rows it has done in the stage's pass, from any thread.
/// </summary>
internal sealed class PlanProgress(IProgress<StageProgress>? sink)
{
    // Counting and reporting happen under one lock: two workers that count at once would otherwise
    // report in either order, and a sink that keeps the last report would show a pass going backwards.
    // Workers advance once per batch, so the lock is never contended for long.
    private readonly Lock _lock = new();
    private string _stage = PlanStages.Open;
    private long _done;

    /// <summary>Rows one pass reads, when known.</summary>
    public long TotalRows { get; set; }

    /// <summary>Starts a stage's pass at zero rows.</summary>
    public void Begin(string stage)
    {
        lock (_lock)
        {
            _stage = stage;
            _done = 0;
            sink?.Report(new StageProgress(stage, 0, TotalRows));
        }
    }

    /// <summary>Counts <paramref name="rows"/> more rows done in the current pass.</summary>
    public void Advance(long rows)
    {
        lock (_lock)
        {
            _done += rows;
            sink?.Report(new StageProgress(_stage, _done, TotalRows));
        }
    }
}
