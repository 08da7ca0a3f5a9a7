using SparkCleanlab.Parquet;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The local engine's output lock on any file system Spark writes: the file <c>.&lt;out&gt;.lock</c> beside the
/// output, created with <c>create(overwrite = false)</c> and held for the whole run, so two runs never recover,
/// stage or publish the same output at once. The holder rewrites it every <see cref="OutputLock.HeartbeatInterval"/>
/// (object stores have no <c>setTimes</c>); a lock whose owner is known dead, or that nobody has rewritten for
/// <see cref="OutputLock.StaleAfter"/> by the file system's clock, is taken over. Both bounds are the local
/// engine's, since runs of either engine may contend for the same lock file. What the create guarantees on object
/// stores is in docs/spark.md.
/// </summary>
internal sealed class SparkOutputLock : IDisposable
{
    // An owner writes its record in the create itself; an unreadable lock older than this was cut short.
    private static readonly TimeSpan UnreadableGrace = TimeSpan.FromSeconds(5);

    private readonly ISparkSessionApi _session;
    private readonly Timer _heartbeat;
    private readonly Lock _gate = new();
    private bool _released;

    private SparkOutputLock(ISparkSessionApi session, string path, RunOwner owner)
    {
        _session = session;
        Path = path;
        Owner = owner;
        _heartbeat = new Timer(_ => Refresh(), null, OutputLock.HeartbeatInterval, OutputLock.HeartbeatInterval);
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>This run.</summary>
    public RunOwner Owner { get; }

    /// <summary>The lock file of <paramref name="output"/>: hidden beside it, so Spark never reads it as data.</summary>
    public static string PathOf(string output)
    {
        var slash = output.LastIndexOf('/');
        return slash < 0 ? $".{output}.lock" : $"{output[..(slash + 1)]}.{output[(slash + 1)..]}.lock";
    }

    /// <summary>Takes the lock for <paramref name="owner"/>, taking over a stale one and saying so on <paramref name="log"/>.</summary>
    /// <exception cref="OutputLockedException">Another live run holds it.</exception>
    public static SparkOutputLock Acquire(ISparkSessionApi session, string path, RunOwner owner, TextWriter log)
    {
        // Two attempts: the second follows the removal of a stale lock, and fails if a third run won the race.
        for (var attempt = 0; ; attempt++)
        {
            if (session.TryCreateText(path, owner.ToString()))
            {
                return new SparkOutputLock(session, path, owner);
            }

            var holder = ReadOwner(session, path);
            var age = Age(session, path);
            var stale = age is null || (holder is null ? age > UnreadableGrace : holder.IsKnownDead || age > OutputLock.StaleAfter);
            if (!stale || attempt > 0)
            {
                var who = holder?.Describe() ?? "an unknown owner (the lock file is empty)";
                throw new OutputLockedException(
                    $"Output is locked by another run: '{path}' is held by {who}; wait for that run to finish, or, if it is gone, delete the lock file and run again.");
            }

            if (TryRemoveStale(session, path, holder, owner))
            {
                log.WriteLine($"sparkcleanlab: took over the stale lock '{path}' of {holder?.Describe() ?? "an unknown owner"}, which is no longer running.");
            }
        }
    }

    /// <summary>Throws when another run has taken the lock over since (this run was taken for dead).</summary>
    public void EnsureHeld()
    {
        if (ReadOwner(_session, Path)?.RunId != Owner.RunId)
        {
            throw new EnvironmentFailureException($"Lost the output lock '{Path}' to another run; this run stops without publishing.");
        }
    }

    /// <summary>Stops the heartbeat and deletes the lock if it is still this run's.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _released = true;
        }

        _heartbeat.Dispose();
        if (ReadOwner(_session, Path)?.RunId == Owner.RunId)
        {
            _session.Delete(Path);
        }
    }

    private static TimeSpan? Age(ISparkSessionApi session, string path)
    {
        try
        {
            return DateTime.UtcNow - session.Status(path).ModifiedUtc;
        }
        catch (Exception e) when (e is IOException || !session.Exists(path))
        {
            // Gone since the create failed: the next attempt creates it.
            return null;
        }
    }

    // The stale lock is first renamed to a name only this run uses: if a third run replaced it meanwhile, the
    // renamed file holds that run's record, and it is put back instead of deleted.
    private static bool TryRemoveStale(ISparkSessionApi session, string path, RunOwner? stale, RunOwner owner)
    {
        var aside = $"{path}.{owner.RunId}";
        try
        {
            session.Rename(path, aside);
        }
        catch (IOException)
        {
            return false;
        }

        if (ReadOwner(session, aside)?.RunId != stale?.RunId)
        {
            session.Rename(aside, path);
            return false;
        }

        session.Delete(aside);
        return true;
    }

    private static RunOwner? ReadOwner(ISparkSessionApi session, string path) =>
        session.ReadText(path) is { } text ? RunOwner.Parse(text) : null;

    private void Refresh()
    {
        lock (_gate)
        {
            if (_released)
            {
                return;
            }

            try
            {
                if (ReadOwner(_session, Path)?.RunId == Owner.RunId)
                {
                    _session.WriteText(Path, Owner.ToString());
                }
            }
            catch (Exception)
            {
                // A missed heartbeat (a JVM or file-system error on a timer thread) only brings the stale bound
                // closer; the publish checks the lock is still held.
            }
        }
    }
}
