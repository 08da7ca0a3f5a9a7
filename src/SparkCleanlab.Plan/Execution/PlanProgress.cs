namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// Progress shared by the driver, which begins each stage, and the executor, which counts the
/// rows it has done in the stage's pass, from any thread.
/// </summary>
internal sealed class PlanProgress(IProgress<StageProgress>? sink)
{
    private string _stage = PlanStages.Open;
    private long _done;

    /// <summary>Rows one pass reads, when known.</summary>
    public long TotalRows { get; set; }

    /// <summary>Starts a stage's pass at zero rows.</summary>
    public void Begin(string stage)
    {
        _stage = stage;
        Interlocked.Exchange(ref _done, 0);
        sink?.Report(new StageProgress(stage, 0, TotalRows));
    }

    /// <summary>Counts <paramref name="rows"/> more rows done in the current pass.</summary>
    public void Advance(long rows) => sink?.Report(new StageProgress(_stage, Interlocked.Add(ref _done, rows), TotalRows));
}
