using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Plan;

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
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    // Stages in the order they began, reported synchronously.
    private sealed class StageRecorder : IProgress<StageProgress>
    {
        private readonly List<string> _stages = [];

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
            }
        }
    }
}
