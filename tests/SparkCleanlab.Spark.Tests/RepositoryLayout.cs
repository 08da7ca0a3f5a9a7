namespace SparkCleanlab.Spark.Tests;

/// <summary>Locates files of the repository the tests were built from.</summary>
internal static class RepositoryLayout
{
    /// <summary>The folder holding SparkCleanlab.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's submit.sh.</summary>
    public static string SubmitScript => Path.Combine(Root, "submit.sh");

    /// <summary>The golden parity cases, one folder each.</summary>
    public static string GoldenFolder => Path.Combine(Root, "tests", "data", "golden");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SparkCleanlab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SparkCleanlab.sln above {AppContext.BaseDirectory}.");
    }
}
