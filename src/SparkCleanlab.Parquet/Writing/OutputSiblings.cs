namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// The hidden entries a run keeps beside its output folder <c>&lt;parent&gt;/&lt;out&gt;</c>, all on the same file
/// system so every move between them is an atomic rename, and all named after the output so each output's
/// debris is found and never mistaken for another's.
/// </summary>
/// <param name="Final">The output folder's full path.</param>
internal sealed record OutputSiblings(string Final)
{
    /// <summary>Marker inside a staging folder recording its run's owner; removed before the commit.</summary>
    public const string MarkerName = ".sparkcleanlab-run";

    private const string Staging = "_temporary-";
    private const string Replaced = "_replaced-";
    private const string Deleting = "_deleting-";

    /// <summary>The folder holding the output and its siblings.</summary>
    public string Parent { get; } = Path.GetDirectoryName(Final) ?? throw new OutputFolderException($"Output '{Final}' has no parent folder.");

    private string Prefix => $".{Path.GetFileName(Final)}.";

    /// <summary>The lock file held for a whole run.</summary>
    public string Lock => Path.Combine(Parent, Prefix + "lock");

    /// <summary>Where run <paramref name="runId"/> writes its output.</summary>
    public string StagingOf(string runId) => Path.Combine(Parent, Prefix + Staging + runId);

    /// <summary>Where run <paramref name="runId"/> moves the previous output while it puts its own in place.</summary>
    public string ReplacedOf(string runId) => Path.Combine(Parent, Prefix + Replaced + runId);

    /// <summary>What a folder is renamed to before it is deleted, so a half-deleted folder is never restored.</summary>
    public string DeletingOf(string runId) => Path.Combine(Parent, Prefix + Deleting + runId);

    /// <summary>Staging folders of any run of this output.</summary>
    public IEnumerable<string> StagingFolders() => Folders(Staging);

    /// <summary>Previous outputs that runs of this output moved aside.</summary>
    public IEnumerable<string> ReplacedFolders() => Folders(Replaced);

    /// <summary>Folders that runs of this output began to delete.</summary>
    public IEnumerable<string> DeletingFolders() => Folders(Deleting);

    private IEnumerable<string> Folders(string kind) =>
        Directory.Exists(Parent) ? Directory.EnumerateDirectories(Parent, Prefix + kind + "*").Order(StringComparer.Ordinal) : [];
}
