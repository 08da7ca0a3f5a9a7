using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.Local.Tests;

/// <summary>
/// The passes before the write read only the label and probability columns: a column the math never uses is decoded
/// by the write pass alone, so a corrupt one is found there, after every other pass has run, and nothing is published.
/// </summary>
public class PassColumnsTests
{
    [Theory]
    [InlineData(512)]
    [InlineData(0)]
    public async Task OnlyTheWritePassReadsAColumnTheMathDoesNotUse(int rowCacheMegabytes)
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        using var temp = new TempFolder();
        var rows = Enumerable.Range(0, golden.RowCount).Select(i => RichRows.Make(golden, i)).ToList();
        await RichRows.WriteAsync(rows, temp.Combine("in"), 2, 250);
        foreach (string file in Directory.GetFiles(temp.Combine("in"), "*.parquet"))
        {
            await ColumnCorruption.CorruptAsync(file, "note");
        }

        var stages = new StageRecorder();
        var request = Parity.Options(temp.Combine("in"), temp.Combine("out"), 2) with { Execution = new ExecutionSettings { Threads = 2, RowCacheMegabytes = rowCacheMegabytes } };
        var error = await Assert.ThrowsAsync<InputDataException>(() => LocalEngine.RunAsync(request, progress: stages));

        Assert.Equal("note", error.Column);
        Assert.Equal(["open", "validate", "confident-joint", "select-1", "flag-and-write"], stages.Stages.Where(s => s != "select-2"));

        // The keys pass, the first half of flag-and-write, got through every row before the write pass failed.
        Assert.True(stages.MostRows(PlanStages.FlagAndWrite) >= golden.RowCount, $"flag-and-write reached {stages.MostRows(PlanStages.FlagAndWrite)} rows");
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    // Stages in the order they began, and the most rows each reported, reported synchronously.
    private sealed class StageRecorder : IProgress<StageProgress>
    {
        private readonly List<string> _stages = [];
        private readonly Dictionary<string, long> _mostRows = [];

        public IReadOnlyList<string> Stages
        {
            get
            {
                lock (_stages)
                {
                    return [.. _stages];
                }
            }
        }

        public void Report(StageProgress value)
        {
            lock (_stages)
            {
                if (_stages.Count == 0 || _stages[^1] != value.Stage) _stages.Add(value.Stage);
                _mostRows[value.Stage] = Math.Max(value.RowsDone, _mostRows.GetValueOrDefault(value.Stage));
            }
        }

        public long MostRows(string stage)
        {
            lock (_stages)
            {
                return _mostRows.GetValueOrDefault(stage);
            }
        }
    }
}
