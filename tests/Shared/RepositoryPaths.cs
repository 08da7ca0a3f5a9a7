namespace SparkCleanlab.Tests.Shared;

/// <summary>Files of the repository the tests were built from, found upwards from the test binaries.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding SparkCleanlab.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The golden parity cases, one folder each: tests/data/golden, or the folder named by
    /// SPARKCLEANLAB_GOLDEN, so cases made by bench/reference/parity_check.sh run through the same tests.
    /// </summary>
    public static string GoldenFolder =>
        Environment.GetEnvironmentVariable("SPARKCLEANLAB_GOLDEN") is { Length: > 0 } folder ? folder : Path.Combine(Root, "tests", "data", "golden");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SparkCleanlab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No SparkCleanlab.sln above {AppContext.BaseDirectory}.");
    }
}
