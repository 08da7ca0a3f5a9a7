using System.Text;
using System.Text.RegularExpressions;

namespace SparkCleanlab.Parquet.Input;

/// <summary>
/// A path pattern with <c>*</c> and <c>?</c> inside one path segment and <c>**</c> for any number of folders,
/// split into the fixed folder it starts from and the segments to match below it.
/// </summary>
internal sealed class GlobPattern
{
    private const string AnyFolders = "**";
    private readonly Regex?[] _segments;

    private GlobPattern(string baseDirectory, Regex?[] segments)
    {
        BaseDirectory = baseDirectory;
        _segments = segments;
    }

    /// <summary>The longest leading folder of the pattern without wildcards; only files under it can match.</summary>
    public string BaseDirectory { get; }

    /// <summary>True when <paramref name="path"/> contains a wildcard and so is a pattern, not a path.</summary>
    public static bool IsPattern(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Splits <paramref name="pattern"/> into its fixed base folder and its matching segments.</summary>
    public static GlobPattern Parse(string pattern)
    {
        string[] parts = pattern.Replace('\\', '/').Split('/');
        int firstWild = Array.FindIndex(parts, IsPattern);
        string prefix = string.Join('/', parts[..firstWild]);
        if (prefix.Length == 0) prefix = firstWild > 0 ? "/" : ".";
        string baseDirectory = Path.GetFullPath(prefix);
        Regex?[] segments = parts[firstWild..]
            .Where(p => p.Length > 0)
            .Select(p => p == AnyFolders ? null : SegmentRegex(p))
            .ToArray();
        return new GlobPattern(baseDirectory, segments);
    }

    /// <summary>True when the '/'-separated path relative to <see cref="BaseDirectory"/> matches.</summary>
    public bool Matches(string relativePath) => Match(relativePath.Split('/'), 0, 0);

    /// <summary>
    /// True when some path below the '/'-separated folder <paramref name="relativeFolder"/> (relative to
    /// <see cref="BaseDirectory"/>) can match, so discovery need not list folders the pattern never reaches.
    /// </summary>
    public bool CouldMatchBelow(string relativeFolder) => MatchPrefix(relativeFolder.Split('/'), 0, 0);

    private bool MatchPrefix(string[] folders, int p, int s)
    {
        if (s == _segments.Length) return false;
        if (p == folders.Length || _segments[s] is null) return true;
        return _segments[s]!.IsMatch(folders[p]) && MatchPrefix(folders, p + 1, s + 1);
    }

    private bool Match(string[] path, int p, int s)
    {
        if (s == _segments.Length) return p == path.Length;
        if (_segments[s] is null)
        {
            // '**' swallows zero or more folders; try every split point.
            for (int skip = p; skip <= path.Length; skip++)
            {
                if (Match(path, skip, s + 1)) return true;
            }
            return false;
        }
        return p < path.Length && _segments[s]!.IsMatch(path[p]) && Match(path, p + 1, s + 1);
    }

    private static Regex SegmentRegex(string segment)
    {
        var regex = new StringBuilder("^");
        foreach (char c in segment)
        {
            regex.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
