namespace SparkCleanlab.ML.Tests.Support;

/// <summary>Finds the repository root (the folder holding SparkCleanlab.sln) above the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SparkCleanlab.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("SparkCleanlab.sln not found above the test binaries.");
    }
}
