namespace SparkCleanlab.SparkPlan.Tests.Submit;

/// <summary>
/// A throwaway NuGet packages folder holding the DotnetRunner jar where the Microsoft.Spark
/// package puts it, and a published app folder, so dry runs resolve real paths.
/// </summary>
public sealed class SubmitEnvironment : IDisposable
{
    public const string RunnerJar = "microsoft-spark-3-5_2.12-2.3.1.jar";

    public SubmitEnvironment()
    {
        Root = Directory.CreateTempSubdirectory("sparkcleanlab-submit-").FullName;
        PackagesFolder = Path.Combine(Root, "packages");
        var jars = Path.Combine(PackagesFolder, "microsoft.spark", "2.3.1", "jars");
        Directory.CreateDirectory(jars);
        JarPath = Path.Combine(jars, RunnerJar);
        File.WriteAllText(JarPath, string.Empty);

        AppFolder = Path.Combine(Root, "app");
        Directory.CreateDirectory(AppFolder);
        File.WriteAllText(Path.Combine(AppFolder, "SparkCleanlab.Spark"), string.Empty);
        AppZip = Path.Combine(Root, "SparkCleanlab.Spark.zip");
        File.WriteAllText(AppZip, string.Empty);
    }

    public string Root { get; }

    public string PackagesFolder { get; }

    public string JarPath { get; }

    public string AppFolder { get; }

    public string AppZip { get; }

    /// <summary>The variables that point submit.sh at this folder.</summary>
    public IReadOnlyDictionary<string, string?> Variables =>
        new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder };

    public SubmitRun Run(params string[] arguments) => SubmitRun.Start(arguments, Variables);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
