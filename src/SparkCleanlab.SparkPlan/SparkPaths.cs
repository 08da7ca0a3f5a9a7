namespace SparkCleanlab.SparkPlan;

/// <summary>Spark's file names (<c>_metadata.file_path</c>: percent-encoded URIs) as the local engine spells paths.</summary>
internal static class SparkPaths
{
    /// <summary>
    /// The decoded path: <c>file:/a%20b</c> and <c>file:///a%20b</c> become <c>/a b</c>; other
    /// schemes keep their scheme and authority, decoded.
    /// </summary>
    public static string Decode(string uri)
    {
        var path = uri;
        if (path.StartsWith("file:", StringComparison.Ordinal))
        {
            path = path["file:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[path.IndexOf('/', 2)..];
            }
        }

        return Uri.UnescapeDataString(path);
    }
}
