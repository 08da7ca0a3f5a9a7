namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// Repairs what earlier runs of the same output left when they were killed, run under the output's lock: a
/// previous output moved aside by a run killed in the middle of its commit is moved back, and staging, replaced
/// and half-deleted folders are removed. Each action is one line on the log.
/// </summary>
internal static class OutputRecovery
{
    /// <summary>Restores and cleans up beside <paramref name="siblings"/>'s output; returns the number of actions.</summary>
    public static int Recover(OutputSiblings siblings, string runId, TextWriter? log)
    {
        int actions = 0;
        string[] replaced = siblings.ReplacedFolders().ToArray();
        if (!Directory.Exists(siblings.Final) && replaced.Length > 0)
        {
            // A commit moves at most one previous output aside before its own output takes the place; the newest
            // is the one that was in place last.
            string previous = replaced.OrderBy(Directory.GetLastWriteTimeUtc).ThenBy(p => p, StringComparer.Ordinal).Last();
            Directory.Move(previous, siblings.Final);
            log?.WriteLine($"sparkcleanlab: restored the previous output '{siblings.Final}' from '{previous}', left by a run killed while it published.");
            actions++;
        }
        string[] debris = [.. siblings.StagingFolders(), .. siblings.ReplacedFolders(), .. siblings.DeletingFolders()];
        for (int i = 0; i < debris.Length; i++)
        {
            string folder = debris[i];
            string owner = OwnerOf(folder);
            DeleteFolder(folder, siblings.DeletingOf($"{runId}-{i}"));
            log?.WriteLine($"sparkcleanlab: removed '{folder}'{owner}, left by an earlier run of this output that did not finish.");
            actions++;
        }
        return actions;
    }

    /// <summary>Deletes <paramref name="folder"/> after renaming it to <paramref name="deleting"/>, so it is never restored half-deleted.</summary>
    public static void DeleteFolder(string folder, string deleting)
    {
        if (!folder.Equals(deleting, StringComparison.Ordinal))
        {
            Directory.Move(folder, deleting);
        }
        Directory.Delete(deleting, recursive: true);
    }

    private static string OwnerOf(string folder)
    {
        string marker = Path.Combine(folder, OutputSiblings.MarkerName);
        return File.Exists(marker) && RunOwner.Parse(File.ReadAllText(marker)) is { } owner ? $" (written by {owner.Describe()})" : "";
    }
}
