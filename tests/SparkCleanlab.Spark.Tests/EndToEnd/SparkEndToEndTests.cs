using System.Diagnostics;

namespace SparkCleanlab.Spark.Tests.EndToEnd;

/// <summary>Every golden case through spark-submit in local mode, compared with the local engine.</summary>
public sealed class SparkEndToEndTests
{
    [SparkFact]
    public async Task SparkLocalModeWritesTheSameIssuesAsTheLocalEngine()
    {
        var root = Directory.CreateTempSubdirectory("sparkcleanlab-e2e-").FullName;
        try
        {
            foreach (var name in GoldenCase.Names())
            {
                var input = Path.Combine(root, name, "input");
                await GoldenParquet.WriteAsync(GoldenCase.Load(name), input);
                var spark = Path.Combine(root, name, "spark");
                var local = Path.Combine(root, name, "local");

                Assert.Equal(0, Submit("--master", "local[2]", "--", "--input", input, "--output", spark));
                Assert.Equal(0, Submit("--local", "--", "--input", input, "--output", local));

                Assert.True(File.Exists(Path.Combine(spark, "_SUCCESS")), $"{name}: no _SUCCESS from Spark");
                Assert.Equal(await GoldenParquet.IssueIdsAsync(local), await GoldenParquet.IssueIdsAsync(spark));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int Submit(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryLayout.Root };
        start.ArgumentList.Add(RepositoryLayout.SubmitScript);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
