using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.SparkPlan.Tests.EndToEnd;
using SparkCleanlab.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>The Spark output's lock, through the SparkSql executor's file system: one run per output at a time.</summary>
[Trait("Category", "SparkSql")]
public sealed class OutputLockTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sparkcleanlab-lock-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string LockFile => Path.Combine(_root, ".out.lock");

    private async Task<FindIssuesRequest> RequestAsync()
    {
        var input = Path.Combine(_root, "input");
        if (!Directory.Exists(input))
        {
            await GoldenParquet.WriteAsync(GoldenCase.Load("synthetic_k3_n1000"), input);
        }

        return new FindIssuesRequest { Inputs = [input], Output = Path.Combine(_root, "out"), Engine = EngineKind.Spark, Overwrite = true };
    }

    private static async Task RunAsync(FindIssuesRequest request)
    {
        await using var executor = new SparkExecutor(new LocalSparkSession(new SparkSettings(1, 2, 1)), request);
        await new PlanDriver(executor).RunAsync(request);
    }

    [Fact]
    public async Task ASecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsIt()
    {
        var request = await RequestAsync();
        await using (var first = new SparkExecutor(new LocalSparkSession(new SparkSettings(1, 2, 1)), request))
        {
            await first.PrepareOutputAsync(CancellationToken.None);
            var error = await Assert.ThrowsAsync<OutputLockedException>(() => RunAsync(request));
            Assert.StartsWith($"Output is locked by another run: '{LockFile}' is held by pid {Environment.ProcessId} on host", error.Message);
        }

        Assert.False(File.Exists(LockFile));
        await RunAsync(request);
        Assert.True(File.Exists(Path.Combine(request.Output, OutputLayout.Success)));
    }

    [Fact]
    public async Task AStaleLockIsTakenOver()
    {
        var request = await RequestAsync();
        var gone = new RunOwner(1, "another-host", DateTimeOffset.UtcNow.AddHours(-1), "", "stale-run");
        await File.WriteAllTextAsync(LockFile, gone.ToString());
        File.SetLastWriteTimeUtc(LockFile, DateTime.UtcNow.AddMinutes(-11));

        await RunAsync(request);

        Assert.True(File.Exists(Path.Combine(request.Output, OutputLayout.Success)));
        Assert.False(File.Exists(LockFile));
    }

    [Fact]
    public async Task AFreshLockOfAnotherHostIsNotTakenOver()
    {
        var request = await RequestAsync();
        var alive = new RunOwner(1, "another-host", DateTimeOffset.UtcNow, "", "live-run");
        await File.WriteAllTextAsync(LockFile, alive.ToString());

        await Assert.ThrowsAsync<OutputLockedException>(() => RunAsync(request));
        Assert.Equal(alive.ToString(), await File.ReadAllTextAsync(LockFile));
    }

    [Fact]
    public async Task AFailedRunReleasesTheLock()
    {
        var request = await RequestAsync() with { Columns = new InputColumns { Label = "missing" } };

        await Assert.ThrowsAsync<InputDataException>(() => RunAsync(request));

        Assert.False(File.Exists(LockFile));
        Assert.Empty(Directory.GetDirectories(_root, "out.sparkcleanlab-*"));
    }
}
