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
    public static string GoldenFolder => FromEnvironment("SPARKCLEANLAB_GOLDEN", "golden");

    /// <summary>
    /// The multi-label golden parity cases, one folder each: tests/data/golden-multilabel, or the
    /// folder named by SPARKCLEANLAB_GOLDEN_MULTILABEL.
    /// </summary>
    public static string GoldenMultiLabelFolder => FromEnvironment("SPARKCLEANLAB_GOLDEN_MULTILABEL", "golden-multilabel");

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

    // The folder named by the environment variable when it is set, else tests/data/<folder>.
    private static string FromEnvironment(string variable, string folder) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set : Path.Combine(Root, "tests", "data", folder);
}
