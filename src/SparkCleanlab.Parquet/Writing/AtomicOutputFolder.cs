namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// An output folder that appears all at once. Everything is written into a hidden sibling
/// (<c>.&lt;name&gt;._temporary-&lt;guid&gt;</c>, same parent so the final rename stays on one file system);
/// <see cref="Commit"/> writes <c>_SUCCESS</c> last and renames it into place. Disposing without a commit
/// deletes the temporary folder, so a failed run leaves nothing at the final path.
/// </summary>
public sealed class AtomicOutputFolder : IDisposable
{
    /// <summary>The marker Spark writes last into a complete output.</summary>
    public const string SuccessFileName = "_SUCCESS";

    private readonly bool _overwrite;
    private bool _committed;

    private AtomicOutputFolder(string finalPath, string workingPath, bool overwrite)
    {
        FinalPath = finalPath;
        WorkingPath = workingPath;
        _overwrite = overwrite;
    }

    /// <summary>Where the output will be after <see cref="Commit"/>.</summary>
    public string FinalPath { get; }

    /// <summary>The temporary folder to write into.</summary>
    public string WorkingPath { get; }

    /// <summary>
    /// Starts an output at <paramref name="finalPath"/>. Throws <see cref="OutputFolderException"/> when it exists
    /// and <paramref name="overwrite"/> is false, or when it equals, contains or lies inside an input path.
    /// </summary>
    public static AtomicOutputFolder Create(string finalPath, bool overwrite, IEnumerable<string> inputRoots)
    {
        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        foreach (string input in inputRoots)
        {
            string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input));
            if (IsSameOrInside(final, root) || IsSameOrInside(root, final))
            {
                throw new OutputFolderException($"Output '{final}' overlaps input '{root}'; the input is never modified, so choose an output outside it.");
            }
        }
        if (File.Exists(final)) throw new OutputFolderException($"Output '{final}' is an existing file.");
        if (Directory.Exists(final) && !overwrite)
        {
            throw new OutputFolderException($"Output '{final}' already exists; pass --overwrite to replace it.");
        }
        string parent = Path.GetDirectoryName(final) ?? throw new OutputFolderException($"Output '{final}' has no parent folder.");
        Directory.CreateDirectory(parent);
        string working = Path.Combine(parent, $".{Path.GetFileName(final)}._temporary-{Guid.NewGuid():N}");
        Directory.CreateDirectory(working);
        return new AtomicOutputFolder(final, working, overwrite);
    }

    /// <summary>Creates (if needed) and returns a subfolder of the working folder, e.g. <c>cleaned</c>.</summary>
    public string Subfolder(string name)
    {
        string path = Path.Combine(WorkingPath, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Writes <c>_SUCCESS</c> and moves the output into place. With overwrite, an old output is first moved aside
    /// and deleted only once the new one is in place (restored if the move fails).
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        File.WriteAllBytes(Path.Combine(WorkingPath, SuccessFileName), []);
        string? aside = null;
        if (Directory.Exists(FinalPath))
        {
            if (!_overwrite) throw new OutputFolderException($"Output '{FinalPath}' appeared while the job ran; pass --overwrite to replace it.");
            aside = Path.Combine(Path.GetDirectoryName(FinalPath)!, $".{Path.GetFileName(FinalPath)}._replaced-{Guid.NewGuid():N}");
            Directory.Move(FinalPath, aside);
        }
        try
        {
            Directory.Move(WorkingPath, FinalPath);
        }
        catch
        {
            if (aside is not null) Directory.Move(aside, FinalPath);
            throw;
        }
        _committed = true;
        if (aside is not null) Directory.Delete(aside, recursive: true);
    }

    /// <summary>Deletes the working folder unless the output was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(WorkingPath)) Directory.Delete(WorkingPath, recursive: true);
        _committed = true;
    }

    private static bool IsSameOrInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal) ||
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
