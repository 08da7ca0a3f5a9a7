using SparkCleanlab.Plan;
namespace SparkCleanlab.Parquet.Input;

/// <summary>
/// Finds the Parquet files of an input path: one file, a folder of part files (recursive), a glob, with Hive
/// <c>column=value</c> folders turned into partition values. The order is the ordinal order of relative paths,
/// so row positions do not depend on the file system's listing order.
/// </summary>
internal static class ParquetFileDiscovery
{
    private const string ParquetExtension = ".parquet";

    /// <summary>Lists the input's Parquet files in their deterministic order; throws when none match.</summary>
    public static IReadOnlyList<DiscoveredFile> Discover(string inputPath)
    {
        List<DiscoveredFile> files;
        if (GlobPattern.IsPattern(inputPath))
        {
            GlobPattern glob = GlobPattern.Parse(inputPath);
            files = Directory.Exists(glob.BaseDirectory)
                ? ListFolder(glob.BaseDirectory, glob.CouldMatchBelow).Where(f => glob.Matches(f.RelativePath)).ToList()
                : [];
        }
        else if (Directory.Exists(inputPath))
        {
            files = ListFolder(Path.GetFullPath(inputPath), _ => true).ToList();
        }
        else if (File.Exists(inputPath))
        {
            string full = Path.GetFullPath(inputPath);
            files = [new DiscoveredFile(full, Path.GetFileName(full), [])];
        }
        else
        {
            files = [];
        }

        if (files.Count == 0)
        {
            throw new InputDataException(
                $"No Parquet files match the input path '{inputPath}'",
                "Check the path; a folder must contain *.parquet part files (names starting with '_' or '.' are ignored).");
        }
        foreach (DiscoveredFile file in files) CheckReadable(file.FullPath);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        CheckSamePartitionColumns(files);
        return files;
    }

    /// <summary>The folder every file of the input lies under (the glob's fixed part for a pattern).</summary>
    public static string RootOf(string inputPath) =>
        GlobPattern.IsPattern(inputPath) ? GlobPattern.Parse(inputPath).BaseDirectory : Path.GetFullPath(inputPath);

    // Every folder that can hold input is listed, and one that cannot be read fails the run: skipping it (the
    // runtime's default) would silently drop its rows. Folders a glob cannot match below are not entered.
    private static IEnumerable<DiscoveredFile> ListFolder(string root, Func<string, bool> enter)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            string[] children, files;
            try
            {
                children = Directory.GetDirectories(folder, "*", options);
                files = Directory.GetFiles(folder, "*", options);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new InputDataException(
                    $"Cannot list the input folder '{folder}': {e.Message}",
                    "Grant the job's user read and execute (list) permission on it, or move it out of the input; the job never skips part of an input.",
                    file: folder, inner: e);
            }
            foreach (string child in children)
            {
                if (!IsHidden(Path.GetFileName(child)) && enter(Relative(root, child))) pending.Push(child);
            }
            foreach (string file in files)
            {
                if (IsHidden(Path.GetFileName(file)) || !LooksLikeParquet(file)) continue;
                string relative = Relative(root, file);
                yield return new DiscoveredFile(file, relative, PartitionValuesOf(relative));
            }
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void CheckReadable(string file)
    {
        try
        {
            File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read).Dispose();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputDataException(
                $"Cannot read the input file: {e.Message}",
                "Grant the job's user read permission on it, or move it out of the input; the job never skips part of an input.",
                file: file, inner: e);
        }
    }

    // Spark and Hadoop keep bookkeeping in '_SUCCESS', '_temporary/', '.part-0.crc' and the like.
    private static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');

    private static bool LooksLikeParquet(string file)
    {
        string extension = Path.GetExtension(file);
        if (extension.Equals(ParquetExtension, StringComparison.OrdinalIgnoreCase)) return true;
        // Hadoop writers often leave part files without an extension ('part-00000'); the content decides.
        if (extension.Length != 0) return false;
        try
        {
            return ParquetMagic.HasMagic(file);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputDataException(
                $"Cannot read the input file to tell whether it is Parquet: {e.Message}",
                "Grant the job's user read permission on it, or move it out of the input; the job never skips part of an input.",
                file: file, inner: e);
        }
    }

    private static PartitionValue[] PartitionValuesOf(string relativePath)
    {
        string[] folders = relativePath.Split('/')[..^1];
        var values = new List<PartitionValue>(folders.Length);
        foreach (string folder in folders)
        {
            if (PartitionValue.TryParse(folder, out PartitionValue value)) values.Add(value);
        }
        return values.ToArray();
    }

    private static void CheckSamePartitionColumns(List<DiscoveredFile> files)
    {
        string[] expected = files[0].PartitionValues.Select(v => v.Column).ToArray();
        foreach (DiscoveredFile file in files)
        {
            if (!file.PartitionValues.Select(v => v.Column).SequenceEqual(expected, StringComparer.Ordinal))
            {
                throw new InputDataException(
                    $"Partition folders differ: expected columns [{string.Join(", ", expected)}] but found [{string.Join(", ", file.PartitionValues.Select(v => v.Column))}]",
                    "Every file must sit under the same Hive partition columns (col=value folders) in the same order.",
                    file: file.FullPath);
            }
        }
    }
}
