namespace SparkCleanlab.SparkPlan.Tests.EndToEnd;

/// <summary>
/// A fact that needs a Spark 3.5 installation and Microsoft.Spark: it runs when SPARK_HOME
/// holds bin/spark-submit and the Microsoft.Spark 2.3.1 package (with its runner jar) is in the
/// NuGet packages folder, and is skipped with the missing piece named otherwise.
/// </summary>
public sealed class SparkFactAttribute : FactAttribute
{
    public SparkFactAttribute()
    {
        Skip = MissingPrerequisite();
    }

    /// <summary>The runner jar restored with the Microsoft.Spark package.</summary>
    public static string RunnerJar => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "microsoft.spark", "2.3.1", "jars", "microsoft-spark-3-5_2.12-2.3.1.jar");

    private static string? MissingPrerequisite()
    {
        var sparkHome = Environment.GetEnvironmentVariable("SPARK_HOME");
        if (string.IsNullOrEmpty(sparkHome))
        {
            return "SPARK_HOME is not set: the Spark end-to-end test needs a Spark 3.5 installation.";
        }

        if (!File.Exists(Path.Combine(sparkHome, "bin", "spark-submit")))
        {
            return $"SPARK_HOME is '{sparkHome}' but it has no bin/spark-submit.";
        }

        return File.Exists(RunnerJar)
            ? null
            : $"Microsoft.Spark 2.3.1 is not restored ({RunnerJar} is missing): run 'dotnet restore jobs/SparkCleanlab.Spark' against a registry that serves it.";
    }
}
