using System.Diagnostics;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Tests.Writing;

public class OutputLockTests
{
    [Fact]
    public void ASecondRunIntoTheSameOutputFailsAtOnceNamingTheOwner()
    {
        using var temp = new TempFolder();
        using var first = AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []);

        var error = Assert.Throws<OutputLockedException>(() => AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []));

        Assert.IsAssignableFrom<EnvironmentFailureException>(error);
        Assert.Contains(temp.Combine(".out.lock"), error.Message);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message);
        Assert.Contains(Environment.MachineName, error.Message);
        Assert.Contains("wait for that run to finish", error.Message);
        Assert.True(Directory.Exists(first.WorkingPath));
    }

    [Fact]
    public void TheLockIsReleasedByCommitAndByDispose()
    {
        using var temp = new TempFolder();
        using (var committed = AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []))
        {
            Assert.True(File.Exists(temp.Combine(".out.lock")));
            committed.Commit();
        }
        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []))
        {
        }

        Assert.Equal([temp.Combine("out")], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void ALockOfADeadProcessOnThisHostIsTakenOverAndSaidSo()
    {
        using var temp = new TempFolder();
        WriteLock(temp, RunOwner.Current() with { Pid = DeadPid(), RunId = "dead" });
        var log = new StringWriter();

        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, [], log))
        {
        }

        Assert.Contains("took over the stale lock", log.ToString());
        Assert.Contains(temp.Combine(".out.lock"), log.ToString());
        Assert.False(File.Exists(temp.Combine(".out.lock")));
    }

    [Fact]
    public void TheRecordOfARunKilledWhileTakingTheLockIsRemovedEvenEmptyAndALiveOnesIsKept()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(".out.lock.dead"), (RunOwner.Current() with { Pid = DeadPid(), RunId = "dead" }).ToString());
        File.WriteAllText(temp.Combine(".out.lock.killed-before-its-record-was-written"), "");
        File.WriteAllText(temp.Combine(".out.lock.live"), (RunOwner.Current() with { RunId = "live" }).ToString());

        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []))
        {
            Assert.False(File.Exists(temp.Combine(".out.lock.dead")));
            Assert.True(File.Exists(temp.Combine(".out.lock.live")));
            Assert.DoesNotContain(Directory.EnumerateFiles(temp.Path), f => Path.GetFileName(f).StartsWith(".out.lock.", StringComparison.Ordinal) && !f.EndsWith(".live", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ALockWhosePidWasReusedIsTakenOver()
    {
        using var temp = new TempFolder();
        WriteLock(temp, RunOwner.Current() with { ProcessStart = "1", RunId = "earlier" });
        var log = new StringWriter();

        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, [], log))
        {
        }

        Assert.Contains("took over the stale lock", log.ToString());
    }

    [Fact]
    public void AFreshLockOfAnotherHostHoldsAndAnOldOneIsTakenOver()
    {
        using var temp = new TempFolder();
        WriteLock(temp, RunOwner.Current() with { Host = "elsewhere", RunId = "remote" });

        Assert.Throws<OutputLockedException>(() => AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []));

        File.SetLastWriteTimeUtc(temp.Combine(".out.lock"), DateTime.UtcNow - OutputLockStaleAfter - TimeSpan.FromMinutes(1));
        var log = new StringWriter();
        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, [], log))
        {
        }
        Assert.Contains("host 'elsewhere'", log.ToString());
    }

    [Fact]
    public void AnEmptyLockHoldsBrieflyThenIsTakenOver()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine(".out.lock"), "");

        Assert.Throws<OutputLockedException>(() => AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []));

        File.SetLastWriteTimeUtc(temp.Combine(".out.lock"), DateTime.UtcNow - TimeSpan.FromMinutes(1));
        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []))
        {
        }
        Assert.False(File.Exists(temp.Combine(".out.lock")));
    }

    private static readonly TimeSpan OutputLockStaleAfter = TimeSpan.FromMinutes(10);

    private static void WriteLock(TempFolder temp, RunOwner owner) => File.WriteAllText(temp.Combine(".out.lock"), owner.ToString());

    private static int DeadPid()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
