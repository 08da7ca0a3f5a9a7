using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The output on any file system Spark writes (HDFS, S3A, ABFS, GCS, local). Every folder is
/// written under a staging folder beside the output; the previous output stays in place until the
/// new one is complete. Publishing renames the previous output aside, the staging folder into
/// place, writes <c>_SUCCESS</c> last and deletes the previous output. On object stores, where a
/// rename copies and is not atomic, readers go by <c>_SUCCESS</c>: it appears only once every
/// file is in place. A run first takes the output's lock (<see cref="SparkOutputLock"/>), then
/// repairs what an interrupted one left: a missing output is restored from its aside copy;
/// staging folders of other runs are reported.
/// </summary>
internal sealed class SparkOutput(ISparkSessionApi session, string output, bool overwrite, TextWriter log) : IDisposable
{
    private const string StagingMark = ".sparkcleanlab-staging-";
    private const string PreviousMark = ".sparkcleanlab-previous-";
    private readonly string _output = output.TrimEnd('/');
    private readonly RunOwner _owner = RunOwner.Current();
    private SparkOutputLock? _lock;
    private bool _published;

    private string Staging => _output + StagingMark + _owner.RunId;

    private string Previous => _output + PreviousMark + _owner.RunId;

    /// <summary>Takes the output's lock, repairs earlier runs' leftovers, then checks that the output may be written.</summary>
    /// <exception cref="OutputLockedException">Another live run holds the output's lock.</exception>
    public void Prepare()
    {
        _lock = SparkOutputLock.Acquire(session, SparkOutputLock.PathOf(_output), _owner, log);
        Recover();
        if (session.Exists(_output) && !overwrite)
        {
            throw new UsageException($"The output {_output} exists; pass --overwrite to replace it.");
        }

        session.Delete(Staging);
    }

    /// <summary>Where output folder <paramref name="name"/> is written before publishing.</summary>
    public string Folder(string name) => $"{Staging}/{name}";

    /// <summary>A document of the output already published (such as <c>summary.json</c>), or null.</summary>
    public string? ReadPublished(string name) => session.ReadText($"{_output}/{name}");

    /// <summary>Writes the documents and publishes the staging folder as the output.</summary>
    /// <exception cref="EnvironmentFailureException">Another run took the lock over meanwhile.</exception>
    public void Publish(IReadOnlyDictionary<string, string> documents)
    {
        (_lock ?? throw new InvalidOperationException("The output is not prepared.")).EnsureHeld();
        foreach (var (name, text) in documents)
        {
            session.WriteText($"{Staging}/{name}", text);
        }

        var replacing = session.Exists(_output);
        if (replacing)
        {
            session.Rename(_output, Previous);
        }

        session.Rename(Staging, _output);
        session.WriteText($"{_output}/{OutputLayout.Success}", string.Empty);
        if (replacing)
        {
            session.Delete(Previous);
        }

        _published = true;
    }

    /// <summary>Deletes the staging folder of a run that did not publish, then releases the lock.</summary>
    public void Dispose()
    {
        if (_lock is null)
        {
            return;
        }

        using (_lock)
        {
            if (!_published)
            {
                session.Delete(Staging);
            }
        }
    }

    private void Recover()
    {
        var parent = _output[..Math.Max(_output.LastIndexOf('/'), 0)];
        var name = _output[(_output.LastIndexOf('/') + 1)..];
        foreach (var path in session.List(parent.Length == 0 ? "." : parent))
        {
            var entry = path[(path.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');
            if (entry.StartsWith(name + PreviousMark, StringComparison.Ordinal))
            {
                if (!session.Exists(_output))
                {
                    session.Rename(path, _output);
                    log.WriteLine($"restored the previous output {_output} from {path}, left by an interrupted run");
                }
                else
                {
                    session.Delete(path);
                    log.WriteLine($"removed {path}, the previous output left by an interrupted run");
                }
            }
            else if (entry.StartsWith(name + StagingMark, StringComparison.Ordinal))
            {
                // Another run may still be writing it: it is reported, not deleted.
                log.WriteLine($"found {path}, the staging folder of another or an interrupted run; delete it once no run writes {_output}");
            }
        }
    }
}
