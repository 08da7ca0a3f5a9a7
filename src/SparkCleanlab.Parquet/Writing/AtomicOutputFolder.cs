using System.Globalization;
using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// An output folder that appears all at once and survives a kill at any point. A run holds the lock
/// <c>.&lt;out&gt;.lock</c> beside the output from <see cref="Create"/> to <see cref="Dispose"/>, first repairs what
/// killed runs of the same output left (see <see cref="OutputRecovery"/>), and writes into a hidden sibling
/// <c>.&lt;out&gt;._temporary-&lt;run&gt;</c>. <see cref="Commit"/> writes <c>_SUCCESS</c> last inside it, moves a
/// previous output aside to <c>.&lt;out&gt;._replaced-&lt;run&gt;</c>, renames the staging folder into place and only
/// then deletes the previous output: a kill between the two renames leaves the previous output aside, and the
/// next run moves it back. Disposing without a commit deletes the staging folder and leaves the output untouched.
/// </summary>
internal sealed class AtomicOutputFolder : IDisposable
{
    /// <summary>The marker Spark writes last into a complete output.</summary>
    public const string SuccessFileName = "_SUCCESS";

    /// <summary>
    /// Fault-injection hook for the kill tests: milliseconds to sleep before each step of <see cref="Commit"/>, so a
    /// test can kill the process between two renames. Unset (the normal case), the commit does not wait.
    /// </summary>
    public const string CommitStepDelayVariable = "SPARKCLEANLAB_FAULT_DELAY_MS_BEFORE_COMMIT_STEP";

    private static readonly int CommitStepDelay =
        int.TryParse(Environment.GetEnvironmentVariable(CommitStepDelayVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int ms) ? ms : 0;

    private readonly OutputSiblings _siblings;
    private readonly OutputLock _lock;
    private readonly bool _overwrite;
    private bool _done;

    private AtomicOutputFolder(OutputSiblings siblings, OutputLock outputLock, string workingPath, bool overwrite)
    {
        _siblings = siblings;
        _lock = outputLock;
        WorkingPath = workingPath;
        _overwrite = overwrite;
    }

    /// <summary>Where the output will be after <see cref="Commit"/>.</summary>
    public string FinalPath => _siblings.Final;

    /// <summary>The staging folder to write into.</summary>
    public string WorkingPath { get; }

    /// <summary>
    /// Starts an output at <paramref name="finalPath"/>: takes its lock, recovers earlier runs' debris (one line each
    /// on <paramref name="log"/>) and creates the staging folder.
    /// </summary>
    /// <param name="finalPath">The output folder.</param>
    /// <param name="overwrite">Whether an existing output may be replaced at commit.</param>
    /// <param name="inputPaths">The input paths (files, folders or globs) the output must stay clear of.</param>
    /// <param name="log">Where recovery and lock take-overs are reported; null for nowhere.</param>
    /// <exception cref="OutputFolderException">
    /// The output exists without <paramref name="overwrite"/>, is a file, or equals, contains or lies inside an input
    /// once globs and symbolic links are resolved.
    /// </exception>
    /// <exception cref="OutputLockedException">Another live run writes the same output.</exception>
    /// <exception cref="EnvironmentFailureException">The output's folder cannot be written.</exception>
    public static AtomicOutputFolder Create(string finalPath, bool overwrite, IEnumerable<string> inputPaths, TextWriter? log = null)
    {
        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        CheckNoOverlap(final, inputPaths);
        if (File.Exists(final)) throw new OutputFolderException($"Output '{final}' is an existing file.");
        var siblings = new OutputSiblings(final);
        RunOwner owner = RunOwner.Current();
        OutputLock? outputLock = null;
        try
        {
            Directory.CreateDirectory(siblings.Parent);
            outputLock = OutputLock.Acquire(siblings.Lock, owner, log);
            OutputRecovery.Recover(siblings, owner.RunId, log);
            if (Directory.Exists(final) && !overwrite)
            {
                throw new OutputFolderException($"Output '{final}' already exists; pass --overwrite to replace it.");
            }
            string working = siblings.StagingOf(owner.RunId);
            Directory.CreateDirectory(working);
            File.WriteAllText(Path.Combine(working, OutputSiblings.MarkerName), owner.ToString());
            return new AtomicOutputFolder(siblings, outputLock, working, overwrite);
        }
        catch (Exception e)
        {
            outputLock?.Dispose();
            if (EnvironmentFailureException.Of(e) is { } failure) throw failure;
            if (e is IOException) throw Unexpected(final, e);
            throw;
        }
    }

    /// <summary>Creates (if needed) and returns a subfolder of the staging folder, e.g. <c>cleaned</c>.</summary>
    public string Subfolder(string name)
    {
        string path = Path.Combine(WorkingPath, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Writes <c>_SUCCESS</c> and moves the output into place; an existing output is moved aside first and deleted
    /// once the new one is in place (moved back if the second rename fails).
    /// </summary>
    /// <exception cref="EnvironmentFailureException">The disk filled up, the lock was lost, or an output appeared meanwhile.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        try
        {
            _lock.EnsureHeld();
            Step();
            File.Delete(Path.Combine(WorkingPath, OutputSiblings.MarkerName));
            File.WriteAllBytes(Path.Combine(WorkingPath, SuccessFileName), []);
            string? aside = null;
            if (Directory.Exists(FinalPath))
            {
                if (!_overwrite) throw new EnvironmentFailureException($"Output '{FinalPath}' appeared while the job ran; it was left as it is and this run's output discarded.");
                aside = _siblings.ReplacedOf(_lock.Owner.RunId);
                Step();
                Directory.Move(FinalPath, aside);
            }
            Step();
            try
            {
                Directory.Move(WorkingPath, FinalPath);
            }
            catch
            {
                if (aside is not null) Directory.Move(aside, FinalPath);
                throw;
            }
            _done = true;
            if (aside is not null)
            {
                Step();
                OutputRecovery.DeleteFolder(aside, _siblings.DeletingOf(_lock.Owner.RunId));
            }
            Step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EnvironmentFailureException.Of(e) ?? Unexpected(FinalPath, e);
        }
    }

    /// <summary>Deletes the staging folder unless the output was committed, and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            if (!_done && Directory.Exists(WorkingPath)) Directory.Delete(WorkingPath, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Dispose runs while another failure unwinds and must not hide it; the next run's recovery removes the folder.
        }
        finally
        {
            _done = true;
            _lock.Dispose();
        }
    }

    private static void Step()
    {
        if (CommitStepDelay > 0) Thread.Sleep(CommitStepDelay);
    }

    private static EnvironmentFailureException Unexpected(string final, Exception e) =>
        new($"Cannot publish the output '{final}': {e.Message.ReplaceLineEndings(" ")}", e);

    private static void CheckNoOverlap(string final, IEnumerable<string> inputPaths)
    {
        string output = RealPath.Of(final);
        foreach (string input in inputPaths)
        {
            // A glob reads everything under its fixed folder, so that folder is what the output must avoid.
            string root = RealPath.Of(GlobPattern.IsPattern(input) ? GlobPattern.Parse(input).BaseDirectory : input);
            if (IsSameOrInside(output, root) || IsSameOrInside(root, output))
            {
                throw new OutputFolderException($"Output '{final}' overlaps input '{input}' (resolved to '{output}' and '{root}'); the input is never modified, so choose an output outside it.");
            }
        }
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal) ||
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
