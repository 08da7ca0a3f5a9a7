using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Plan.Tests;

/// <summary>Progress counted by many workers at once reaches the display in the order it was counted.</summary>
public class PlanProgressTests
{
    private sealed class Recorder : IProgress<StageProgress>
    {
        private readonly Lock _lock = new();

        public List<long> Seen { get; } = [];

        public void Report(StageProgress value)
        {
            lock (_lock)
            {
                Seen.Add(value.RowsDone);
            }
        }
    }

    [Fact]
    public void ReportsFromConcurrentWorkersNeverGoBackwardsAndEndAtTheTotal()
    {
        const int workers = 8;
        const int batches = 20_000;
        var recorder = new Recorder();
        var progress = new PlanProgress(recorder) { TotalRows = workers * batches };
        progress.Begin(PlanStages.Validate);

        using var start = new Barrier(workers);
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < batches; i++)
            {
                progress.Advance(1);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(workers * batches + 1, recorder.Seen.Count);
        Assert.Equal(workers * batches, recorder.Seen[^1]);
        for (var i = 1; i < recorder.Seen.Count; i++)
        {
            Assert.True(recorder.Seen[i] > recorder.Seen[i - 1], $"report {i} went from {recorder.Seen[i - 1]} to {recorder.Seen[i]}");
        }
    }
}
