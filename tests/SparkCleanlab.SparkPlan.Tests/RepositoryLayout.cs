namespace SparkCleanlab.SparkPlan.Tests;

/// <summary>Locates files of the repository the tests were built from.</summary>
internal static class RepositoryLayout
{
    /// <summary>The folder holding SparkCleanlab.sln.</summary>
    public static string Root => RepositoryPaths.Root;

    /// <summary>The repository's submit.sh.</summary>
    public static string SubmitScript => Path.Combine(Root, "submit.sh");
}
