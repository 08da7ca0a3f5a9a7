namespace SparkCleanlab.Parquet.Writing;

/// <summary>
/// A path with every symbolic link along it resolved, like POSIX <c>realpath</c>, except that the part that does not
/// exist yet is kept as written: an output folder is compared with its inputs before it is created.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links in one lookup; a longer chain is a loop.
    private const int MaxLinks = 40;

    /// <summary>The absolute, link-free form of <paramref name="path"/>.</summary>
    public static string Of(string path)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = root;
        int links = 0;
        while (pending.Count > 0)
        {
            string next = Path.Combine(current, pending.Pop());
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target && links++ < MaxLinks)
            {
                string resolved = Path.GetFullPath(target, current);
                string resolvedRoot = Path.GetPathRoot(resolved) ?? "/";
                foreach (string part in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(part);
                current = resolvedRoot;
                continue;
            }
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(current));
    }
}
