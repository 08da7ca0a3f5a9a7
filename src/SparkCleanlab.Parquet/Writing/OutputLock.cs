using System.Text;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// The lock file <c>.&lt;out&gt;.lock</c> beside an output, created exclusively and held for a whole run, so two runs
/// never stage, recover or commit the same output at once. A lock whose owner is known dead (same host, process
/// gone), or that nobody has refreshed for <see cref="StaleAfter"/>, is taken over. A live owner refreshes it every
/// <see cref="HeartbeatInterval"/>.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    /// <summary>A lock not refreshed for this long has a dead owner, wherever it ran.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    /// <summary>How often the holder touches its lock.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMinutes(1);

    // The lock file appears with its owner's record in it, so an empty or cut-short lock was not written by a run;
    // one older than this is taken for debris.
    private static readonly TimeSpan UnreadableGrace = TimeSpan.FromSeconds(5);

    private readonly Timer _heartbeat;

    private OutputLock(string path, RunOwner owner)
    {
        Path = path;
        Owner = owner;
        _heartbeat = new Timer(_ => Touch(), null, HeartbeatInterval, HeartbeatInterval);
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>This run.</summary>
    public RunOwner Owner { get; }

    /// <summary>
    /// Takes the lock at <paramref name="path"/> for <paramref name="owner"/>, taking over a stale one and saying so on
    /// <paramref name="log"/>.
    /// </summary>
    /// <exception cref="OutputLockedException">Another live run holds it.</exception>
    public static OutputLock Acquire(string path, RunOwner owner, TextWriter? log)
    {
        // Two attempts: the second follows the removal of a stale lock, and fails if a third run won the race.
        for (int attempt = 0; ; attempt++)
        {
            if (TryCreate(path, owner))
            {
                RemoveLeftovers(path, owner);
                return new OutputLock(path, owner);
            }
            RunOwner? holder = ReadOwner(path);
            if (!IsStale(path, holder) || attempt > 0)
            {
                string who = holder?.Describe() ?? "an unknown owner (the lock file is empty)";
                throw new OutputLockedException(
                    $"Output is locked by another run: '{path}' is held by {who}; wait for that run to finish, or, if it is gone, delete the lock file and run again.");
            }
            if (!TryRemoveStale(path, holder, owner)) continue;
            log?.WriteLine($"sparkcleanlab: took over the stale lock '{path}' of {holder?.Describe() ?? "an unknown owner"}, which is no longer running.");
        }
    }

    /// <summary>Throws when another run has taken the lock over since (this run was taken for dead).</summary>
    public void EnsureHeld()
    {
        if (ReadOwner(Path)?.RunId != Owner.RunId)
        {
            throw new EnvironmentFailureException($"Lost the output lock '{Path}' to another run; this run stops without publishing.");
        }
    }

    /// <summary>Stops the heartbeat and deletes the lock if it is still this run's.</summary>
    public void Dispose()
    {
        _heartbeat.Dispose();
        if (ReadOwner(Path)?.RunId == Owner.RunId) File.Delete(Path);
    }

    // The record is written to a file of this run's own, then linked into place (a move that never replaces), so the
    // lock never exists without its owner: a run killed between the two steps leaves only its own file, which the
    // next holder removes.
    private static bool TryCreate(string path, RunOwner owner)
    {
        string record = RecordOf(path, owner);
        using (var stream = new FileStream(record, FileMode.Create, FileAccess.Write, FileShare.Read))
        {
            stream.Write(Encoding.UTF8.GetBytes(owner.ToString()));
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(record, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(record);
            return false;
        }
    }

    private static string RecordOf(string path, RunOwner owner) => $"{path}.{owner.RunId}";

    // Records and set-aside locks (both named after the lock) of runs that are gone: killed while taking or taking
    // over the lock. A live run's own file is never touched: its owner is alive and fresh. An unreadable one goes
    // whatever its age: it is either debris or the record of a run still writing it, and that run, finding this
    // run's lock in place when it links its record, reports the output locked, which it would have anyway.
    private static void RemoveLeftovers(string path, RunOwner owner)
    {
        string? folder = System.IO.Path.GetDirectoryName(path);
        if (folder is null) return;
        foreach (string leftover in Directory.EnumerateFiles(folder, System.IO.Path.GetFileName(path) + ".*"))
        {
            RunOwner? left = ReadOwner(leftover);
            if (left is null || (left.RunId != owner.RunId && IsStale(leftover, left))) File.Delete(leftover);
        }
    }

    // A file holding owner's record (null: none readable) whose run is gone: known dead, or silent for too long.
    private static bool IsStale(string path, RunOwner? owner)
    {
        TimeSpan age = DateTime.UtcNow - File.GetLastWriteTimeUtc(path);
        return owner is null ? age > UnreadableGrace : owner.IsKnownDead || age > StaleAfter;
    }

    // The stale lock is first renamed to a name only this run uses: if a third run replaced it meanwhile, the
    // renamed file holds that run's record, and it is put back instead of deleted.
    private static bool TryRemoveStale(string path, RunOwner? stale, RunOwner owner)
    {
        string aside = RecordOf(path, owner);
        try
        {
            File.Move(path, aside);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        if (ReadOwner(aside)?.RunId != stale?.RunId)
        {
            File.Move(aside, path);
            return false;
        }
        File.Delete(aside);
        return true;
    }

    private static RunOwner? ReadOwner(string path)
    {
        try
        {
            return RunOwner.Parse(File.ReadAllText(path));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private void Touch()
    {
        try
        {
            File.SetLastWriteTimeUtc(Path, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // A missed heartbeat only brings the stale bound closer; the commit checks the lock is still held.
        }
    }
}
