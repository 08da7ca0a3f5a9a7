namespace SparkCleanlab.SparkSql;

/// <summary>Paths as Hadoop's local file system takes them: plain, or <c>file:</c> URIs (percent-encoded).</summary>
internal static class LocalPaths
{
    public static string ToLocal(string path) =>
        path.StartsWith("file:", StringComparison.Ordinal) ? new Uri(path.StartsWith("file:///", StringComparison.Ordinal) ? path : "file://" + path["file:".Length..]).LocalPath : path;

    /// <summary>The path as Spark reports it in <c>_metadata.file_path</c>: <c>file:/abs/path</c> with reserved characters percent-encoded.</summary>
    public static string ToSparkUri(string localPath) => "file:" + new Uri(Path.GetFullPath(localPath)).AbsolutePath;
}
