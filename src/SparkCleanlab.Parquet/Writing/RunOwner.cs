using System.Diagnostics;
using System.Globalization;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// Who started a run: process id, host, start time and the process's own start stamp, written into the output's
/// lock file and staging marker so a later run can tell whether their owner still lives.
/// </summary>
/// <param name="Pid">The owner's process id.</param>
/// <param name="Host">The owner's machine name.</param>
/// <param name="Started">When the owner took the output (UTC).</param>
/// <param name="ProcessStart">The owner process's start stamp, so a reused pid is not taken for the owner.</param>
/// <param name="RunId">The owner's run, which also names its staging folders.</param>
internal sealed record RunOwner(int Pid, string Host, DateTimeOffset Started, string ProcessStart, string RunId)
{
    /// <summary>This process, starting a new run now.</summary>
    public static RunOwner Current() =>
        new(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow, ProcessStartOf(Environment.ProcessId) ?? "", Guid.NewGuid().ToString("N"));

    /// <summary>Parses <see cref="ToString"/>'s text; null when it is not an owner record (empty, cut short).</summary>
    public static RunOwner? Parse(string text)
    {
        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return fields.TryGetValue("pid", out string? pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            && fields.TryGetValue("host", out string? host)
            && fields.TryGetValue("started", out string? started) && DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at)
            && fields.TryGetValue("process-start", out string? processStart)
            && fields.TryGetValue("run", out string? run)
            ? new RunOwner(id, host, at, processStart, run)
            : null;
    }

    /// <summary>True when the owner runs on this machine.</summary>
    public bool IsLocal => string.Equals(Host, Environment.MachineName, StringComparison.Ordinal);

    /// <summary>
    /// True when the owner is known to be gone: it ran on this machine and its process no longer exists, is a
    /// zombie, or is another process that got the same pid. An owner on another machine is never known dead.
    /// </summary>
    public bool IsKnownDead
    {
        get
        {
            if (!IsLocal) return false;
            string? now = ProcessStartOf(Pid);
            return now is null || (ProcessStart.Length > 0 && now != ProcessStart);
        }
    }

    /// <summary>The one line a message shows of the owner.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"pid {Pid} on host '{Host}', started {Started:yyyy-MM-dd HH:mm:ss}Z");

    /// <summary>The record as written to disk, one <c>key=value</c> per line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"pid={Pid}\nhost={Host}\nstarted={Started.UtcDateTime:O}\nprocess-start={ProcessStart}\nrun={RunId}\n");

    // Linux: field 22 of /proc/<pid>/stat, the start in clock ticks since boot, exact and stable; null for a
    // missing or zombie process. Elsewhere the runtime's start time.
    private static string? ProcessStartOf(int pid)
    {
        string stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (Directory.Exists("/proc/self"))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                return null;
            }
            // The command name in parentheses may hold spaces; the fields after it are plain.
            string[] after = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return after[0] == "Z" ? null : after[19];
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
