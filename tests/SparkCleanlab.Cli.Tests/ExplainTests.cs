using System.Diagnostics;
using SparkCleanlab.Cli.Tests.Support;

namespace SparkCleanlab.Cli.Tests;

/// <summary><c>--explain</c> from the command line and from submit.sh: the Spark plan, printed without Spark.</summary>
public sealed class ExplainTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string P(string name) => _temp.Combine(name);

    // From the repository root, with no Spark installation in sight.
    private static (int Code, string Output, string Error) Run(ProcessStartInfo start)
    {
        start.WorkingDirectory = RepositoryPaths.Root;
        start.Environment.Remove("SPARK_HOME");
        return ToolProcess.Run(start);
    }

    private static (int Code, string Output, string Error) Cli(params IEnumerable<string> args) => Run(ToolProcess.StartTool(args));

    private void AssertIsThePlanOf(string output, string input)
    {
        Assert.Contains("Spark was not started", output, StringComparison.Ordinal);
        Assert.Contains($"read.parquet {input}", output, StringComparison.Ordinal);
        var stages = output.Split('\n').Where(l => l.StartsWith("-- stage ", StringComparison.Ordinal)).ToList();
        Assert.True(stages.Count >= 8, $"{stages.Count} stages:\n{output}");
        foreach (var step in new[] { "validate", "confident-joint", "select-1", "flag-and-write" })
        {
            Assert.Contains(stages, s => s.StartsWith("-- stage ", StringComparison.Ordinal) && s.Contains($": {step},", StringComparison.Ordinal));
        }
        Assert.False(Directory.Exists(P("out")), "the explain wrote an output");
    }

    [Fact]
    public void ExplainPrintsEveryStageWithoutStartingSparkOrWritingTheOutput()
    {
        Assert.Equal(0, Cli("generate", "--output", P("data"), "--rows", "300", "--classes", "4").Code);
        var explained = Cli("find-issues", P("data"), "--output", P("out"), "--engine", "spark", "--explain", "--method", "both");
        Assert.True(explained.Code == 0, explained.Error);
        AssertIsThePlanOf(explained.Output, P("data"));
    }

    [Fact]
    public void ExplainWithoutTheSparkEngineOrWithMultiLabelIsAUsageError()
    {
        Assert.Equal(0, Cli("generate", "--output", P("data"), "--rows", "100").Code);
        var local = Cli("find-issues", P("data"), "--output", P("out"), "--explain");
        Assert.Equal(2, local.Code);
        Assert.Contains("--explain", local.Error, StringComparison.Ordinal);
        Assert.Contains("--engine spark", local.Error, StringComparison.Ordinal);

        var multiLabel = Cli("find-issues", P("data"), "--output", P("out"), "--engine", "spark", "--explain", "--multi-label");
        Assert.Equal(2, multiLabel.Code);
        Assert.Contains("--multi-label", multiLabel.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitExplainRunsTheCliWithTheSparkEngineAndNeverSparkSubmit()
    {
        Assert.Equal(0, Cli("generate", "--output", P("data"), "--rows", "300", "--classes", "3").Code);
        var submit = Run(ToolProcess.Start("bash", [Path.Combine(RepositoryPaths.Root, "submit.sh"), "--explain", "--dry-run", "--", "--input", P("data"), "--output", P("out")]));
        Assert.True(submit.Code == 0, submit.Error);
        var command = submit.Output.Trim().Split('\n')[^1];
        Assert.DoesNotContain("spark-submit", submit.Output, StringComparison.Ordinal);

        // The job's arguments as submit.sh passes them, run through the tool it would start.
        var words = command.Split(' ');
        var job = words[Array.IndexOf(words, "find-issues")..];
        Assert.Contains("--explain", job);
        var explained = Cli(job);
        Assert.True(explained.Code == 0, explained.Error);
        AssertIsThePlanOf(explained.Output, P("data"));

        var local = Run(ToolProcess.Start("bash", [Path.Combine(RepositoryPaths.Root, "submit.sh"), "--explain", "--local", "--dry-run", "--", "--input", P("data"), "--output", P("out")]));
        Assert.Equal(2, local.Code);
        Assert.Contains("--local", local.Error, StringComparison.Ordinal);
    }
}
