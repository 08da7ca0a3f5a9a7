using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.Synthetic;

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

        await AssertOnlyTheWritePassMeetsAsync(temp, "note", golden.RowCount, rowCacheMegabytes);
    }

    // Above 32 classes the confident-joint and selection passes add into one state shared by the workers, read by
    // another path of the runner.
    [Fact]
    public async Task OnlyTheWritePassReadsAColumnTheMathDoesNotUseAbove32Classes()
    {
        const int k = 40;
        const int rows = 2000;
        var random = new Random(7);
        var probabilities = new double[rows * k];
        for (int row = 0; row < rows; row++)
        {
            var weights = Enumerable.Range(0, k).Select(_ => random.NextDouble()).ToArray();
            weights[row % k] += 4;
            double sum = weights.Sum();
            for (int c = 0; c < k; c++) probabilities[(row * k) + c] = weights[c] / sum;
        }

        var data = new SyntheticDataset(k, probabilities)
        {
            Labels = Enumerable.Range(0, rows).Select(row => random.Next(5) == 0 ? random.Next(k) : row % k).ToArray(),
            Ids = Enumerable.Range(0, rows).Select(row => (long)row).ToArray(),
        };
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Combine("in"), data, new SyntheticLayout { Files = 2, RowGroupsPerFile = 2 });
        foreach (string file in Directory.GetFiles(temp.Combine("in"), "*.parquet"))
        {
            await ColumnCorruption.CorruptAsync(file, "id");
        }

        await AssertOnlyTheWritePassMeetsAsync(temp, "id", rows, rowCacheMegabytes: 0);
    }

    private static async Task AssertOnlyTheWritePassMeetsAsync(TempFolder temp, string column, int rows, int rowCacheMegabytes)
    {
        var stages = new StageRecorder();
        var request = Parity.Options(temp.Combine("in"), temp.Combine("out"), 2) with { Execution = new ExecutionSettings { Threads = 2, RowCacheMegabytes = rowCacheMegabytes } };
        var error = await Assert.ThrowsAsync<InputDataException>(() => LocalEngine.RunAsync(request, progress: stages));

        Assert.Equal(column, error.Column);
        Assert.Equal(["open", "validate", "confident-joint", "select-1", "flag-and-write"], stages.Stages.Where(s => !s.StartsWith("select-", StringComparison.Ordinal) || s == "select-1"));

        // The keys pass, the first half of flag-and-write, got through every row before the write pass failed.
        Assert.True(stages.MostRows(PlanStages.FlagAndWrite) >= rows, $"flag-and-write reached {stages.MostRows(PlanStages.FlagAndWrite)} rows");
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
