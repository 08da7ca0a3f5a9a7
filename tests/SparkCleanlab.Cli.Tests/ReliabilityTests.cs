using System.Diagnostics;
using System.Text.Json;
using SparkCleanlab.Cli.Tests.Support;
using SparkCleanlab.Local.Tests.Support;
using Xunit.Abstractions;

namespace SparkCleanlab.Cli.Tests;

/// <summary>
/// The real command line under kills, a full disk and an unreadable input: the previous output survives or is
/// restored by the next run, nothing is left behind, and each failure has its exit code and one-line message.
/// </summary>
public sealed class ReliabilityTests : IDisposable
{
    private const string CommitStepDelay = "SPARKCLEANLAB_FAULT_DELAY_MS_BEFORE_COMMIT_STEP";
    private const int PreviousRows = 1500;
    private const int NewRows = 2500;
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "sparkcleanlab-reliability-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _log;

    public ReliabilityTests(ITestOutputHelper log)
    {
        _log = log;
        Directory.CreateDirectory(_temp);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string P(params string[] parts) => Path.Combine([_temp, .. parts]);

    [Fact]
    public void KillsAtAnyPointLeaveThePreviousOutputIntactOrRestorableAndNoDebris()
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Run("generate", "--output", P("previous"), "--rows", $"{PreviousRows}", "--files", "2", "--seed", "1").Code);
        Assert.Equal(0, Run("generate", "--output", P("new"), "--rows", $"{NewRows}", "--files", "3", "--row-groups", "2", "--seed", "2").Code);
        string output = P("runs", "out");
        PublishPrevious(output);
        var timed = Stopwatch.StartNew();
        Assert.Equal(0, Run("find-issues", P("new"), "--output", output, "--overwrite").Code);
        double runMs = timed.Elapsed.TotalMilliseconds;
        PublishPrevious(output);

        // Kills at random moments of a whole run, then at each step of the commit, held open by the hook.
        var random = new Random(20_260_611);
        var points = Enumerable.Range(0, 15).Select(_ => new KillPoint($"after {(int)(random.NextDouble() * runMs)} ms", random.NextDouble() * runMs, null)).ToList();
        string[] staging() => Directory.GetDirectories(P("runs"), ".out._temporary-*");
        string[] replaced() => Directory.GetDirectories(P("runs"), ".out._replaced-*");
        points.Add(new("before the commit", null, () => staging().Any(s => File.Exists(Path.Combine(s, "report.html")))));
        points.Add(new("after _SUCCESS", null, () => staging().Any(s => File.Exists(Path.Combine(s, "_SUCCESS")))));
        points.Add(new("between the two renames", null, () => replaced().Length > 0 && !Directory.Exists(output)));
        points.Add(new("before the previous output is deleted", null, () => replaced().Length > 0 && Directory.Exists(output)));
        points.Add(new("before the lock is released", null, () => RowsOf(output) == NewRows && replaced().Length == 0));

        foreach (KillPoint point in points)
        {
            KillRun(output, point);
            AssertPreviousIntactOrRestorable(output, point.Name);
            var next = Run("find-issues", P("previous"), "--output", output, "--overwrite");
            Assert.True(next.Code == 0, $"{point.Name}: the next run failed: {next.Error}");
            Assert.Equal(PreviousRows, RowsOf(output));
            Assert.Equal([output], Directory.GetFileSystemEntries(P("runs")));
        }
        _log.WriteLine($"{points.Count} kill points, whole test {clock.Elapsed.TotalSeconds:F1} s, one run {runMs:F0} ms");
    }

    [Fact]
    public void AFullDiskFailsWithFiveAndOneLineAndKeepsThePreviousOutput()
    {
        string disk = P("disk");
        Directory.CreateDirectory(disk);
        var mount = RunProgram("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk);
        if (mount.Code != 0)
        {
            _log.WriteLine($"Skipped: cannot mount a 2 MiB tmpfs here ({mount.Error.Trim()}); this test needs root.");
            return;
        }
        try
        {
            Assert.Equal(0, Run("generate", "--output", P("small"), "--rows", "300", "--seed", "1").Code);
            Assert.Equal(0, Run("generate", "--output", P("large"), "--rows", "60000", "--files", "4", "--seed", "2").Code);
            string output = Path.Combine(disk, "out");
            Assert.Equal(0, Run("find-issues", P("small"), "--output", output).Code);

            var full = Run("find-issues", P("large"), "--output", output, "--overwrite", "--annotated", "--no-progress");

            Assert.Equal(5, full.Code);
            Assert.Single(full.Error.Trim().Split('\n'));
            Assert.Contains("No space left on the device", full.Error);
            Assert.Contains(disk, full.Error);
            Assert.Equal(300, RowsOf(output));
            Assert.Equal([output], Directory.GetFileSystemEntries(disk));
        }
        finally
        {
            RunProgram("umount", disk);
        }
    }

    [Fact]
    public void RunningOutOfMemoryIsAnEnvironmentFailureWithAdviceNotACorruptFile()
    {
        // One row group of 400,000 rows decodes to about 100 MB; the runtime is given a 48 MiB heap.
        Assert.Equal(0, Run("generate", "--output", P("wide"), "--rows", "400000", "--seed", "1").Code);
        var start = JobStart("find-issues", P("wide"), "--output", P("out"), "--no-progress");
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x3000000";

        var run = Run(start);

        Assert.Equal(5, run.Code);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("Out of memory", run.Error);
        Assert.Contains("--memory-mb", run.Error);
        Assert.DoesNotContain("corrupt", run.Error);
        Assert.False(Directory.Exists(P("out")));
    }

    [Fact]
    public void AnUnreadableFolderOrFileInTheInputIsAnInputErrorNamingIt()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            _log.WriteLine("Skipped: needs root to run the job as 'nobody' with setpriv, so that permissions apply.");
            return;
        }
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "600", "--files", "2").Code);
        Directory.CreateDirectory(P("data", "more"));
        File.Copy(P("data", "part-00000.parquet"), P("data", "more", "part-00000.parquet"));
        foreach (string writable in new[] { P("outs"), P("home") })
        {
            Directory.CreateDirectory(writable);
            File.SetUnixFileMode(writable, (UnixFileMode)0b111_111_111);
        }

        File.SetUnixFileMode(P("data", "more"), UnixFileMode.None);
        var folder = RunAsNobody("find-issues", P("data"), "--output", P("outs", "out"));
        Assert.True(folder.Code == 3, folder.Error);
        Assert.Contains($"Cannot list the input folder '{P("data", "more")}'", folder.Error);

        File.SetUnixFileMode(P("data", "more"), (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(P("data", "part-00001.parquet"), UnixFileMode.None);
        var file = RunAsNobody("find-issues", P("data"), "--output", P("outs", "out"));
        Assert.True(file.Code == 3, file.Error);
        Assert.Contains("Cannot read the input file", file.Error);
        Assert.Contains(P("data", "part-00001.parquet"), file.Error);
        Assert.Empty(Directory.GetFileSystemEntries(P("outs")));
    }

    [Fact]
    public async Task ACorruptColumnTheMathNeverReadsFailsTheRunWithThreeAndKeepsThePreviousOutput()
    {
        // The passes before the write read only the label and probability columns, so a corrupt id column is
        // found by the write: that must still fail the run before anything is published.
        Assert.Equal(0, Run("generate", "--output", P("previous"), "--rows", $"{PreviousRows}", "--seed", "1").Code);
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "4000", "--files", "2", "--seed", "2").Code);
        string output = P("runs", "out");
        PublishPrevious(output);
        string corrupt = P("data", "part-00001.parquet");
        await ColumnCorruption.CorruptAsync(corrupt, "id");

        var run = Run("find-issues", P("data"), "--output", output, "--overwrite", "--no-progress");

        Assert.True(run.Code == 3, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains(corrupt, run.Error);
        Assert.Equal(PreviousRows, RowsOf(output));
        Assert.Equal([output], Directory.GetFileSystemEntries(P("runs")));
    }

    [Fact]
    public void ASecondRunIntoALockedOutputFailsWithFive()
    {
        Assert.Equal(0, Run("generate", "--output", P("data"), "--rows", "300").Code);
        Directory.CreateDirectory(P("runs"));
        // A lock held by this test process, which is alive on this host.
        File.WriteAllText(P("runs", ".out.lock"), $"pid={Environment.ProcessId}\nhost={Environment.MachineName}\nstarted=2026-01-01T00:00:00Z\nprocess-start=\nrun=test\n");

        var locked = Run("find-issues", P("data"), "--output", P("runs", "out"));

        Assert.Equal(5, locked.Code);
        Assert.Single(locked.Error.Trim().Split('\n'));
        Assert.Contains(P("runs", ".out.lock"), locked.Error);
        Assert.Equal([P("runs", ".out.lock")], Directory.GetFileSystemEntries(P("runs")));
    }

    private void PublishPrevious(string output)
    {
        var run = Run("find-issues", P("previous"), "--output", output, "--overwrite");
        Assert.True(run.Code == 0, run.Error);
        Assert.Equal(PreviousRows, RowsOf(output));
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task ASignalCancelsTheRunWithItsExitCodeOneLineAndNoDebris(string signal, int code)
    {
        Assert.Equal(0, Run("generate", "--output", P("previous"), "--rows", $"{PreviousRows}", "--seed", "1").Code);
        Assert.Equal(0, Run("generate", "--output", P("big"), "--rows", "300000", "--files", "4", "--seed", "3").Code);
        string output = P("runs", "out");
        PublishPrevious(output);

        var start = JobStart("find-issues", P("big"), "--output", output, "--overwrite", "--no-progress");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var bounded = Stopwatch.StartNew();
        while (Directory.GetDirectories(P("runs"), ".out._temporary-*").Length == 0 && !process.HasExited && bounded.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(2);
        Assert.False(process.HasExited, "the run ended before it could be signalled");
        Assert.Equal(0, RunProgram("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Code);
        await process.WaitForExitAsync();

        Assert.Equal(code, process.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"stopped by SIG{signal}", Assert.Single(lines), StringComparison.Ordinal);
        Assert.Equal(PreviousRows, RowsOf(output));
        Assert.Equal([output], Directory.GetFileSystemEntries(P("runs")));
    }

    private void KillRun(string output, KillPoint point)
    {
        var start = JobStart("find-issues", P("new"), "--output", output, "--overwrite");
        if (point.When is not null) start.Environment[CommitStepDelay] = "400";
        using var process = Process.Start(start)!;
        var bounded = Stopwatch.StartNew();
        if (point.AfterMs is { } delay)
        {
            process.WaitForExit(TimeSpan.FromMilliseconds(delay));
        }
        else
        {
            while (!point.When!() && !process.HasExited && bounded.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(2);
            Assert.True(point.When() || process.HasExited, $"{point.Name}: the commit step was never observed");
        }
        if (!process.HasExited) process.Kill();
        process.WaitForExit();
    }

    private void AssertPreviousIntactOrRestorable(string output, string point)
    {
        if (Directory.Exists(output))
        {
            Assert.True(File.Exists(Path.Combine(output, "_SUCCESS")), $"{point}: the output is there without _SUCCESS");
            Assert.Contains(RowsOf(output), new[] { PreviousRows, NewRows });
            return;
        }
        string[] aside = Directory.GetDirectories(P("runs"), ".out._replaced-*");
        Assert.True(aside.Length == 1, $"{point}: the output is gone and {aside.Length} previous outputs are aside");
        Assert.Equal(PreviousRows, RowsOf(aside[0]));
    }

    private static int RowsOf(string output)
    {
        string summary = Path.Combine(output, "summary.json");
        if (!File.Exists(summary)) return -1;
        using var document = JsonDocument.Parse(File.ReadAllText(summary));
        return document.RootElement.GetProperty("rows").GetProperty("input").GetInt32();
    }

    private static ProcessStartInfo JobStart(params string[] args) => ToolProcess.StartTool(args);

    private static (int Code, string Output, string Error) Run(params string[] args) => Run(JobStart(args));

    private (int Code, string Output, string Error) RunAsNobody(params string[] args)
    {
        return Run(ToolProcess.Start("setpriv", new[] { "--reuid=nobody", "--regid=nogroup", "--clear-groups", "env", $"DOTNET_CLI_HOME={P("home")}", "dotnet", Path.Combine(AppContext.BaseDirectory, "sparkcleanlab.dll") }.Concat(args)));
    }

    private static (int Code, string Output, string Error) RunProgram(string program, params string[] args)
    {
        return Run(ToolProcess.Start(program, args));
    }

    private static (int Code, string Output, string Error) Run(ProcessStartInfo start) => ToolProcess.Run(start);

    private sealed record KillPoint(string Name, double? AfterMs, Func<bool>? When);
}
